import base64, json
payload = {"user": "ann", "roles": ["admin", "dev"], "n": 3}
tok = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).rstrip(b"=").decode()
print(tok)
padded = tok + "=" * (-len(tok) % 4)
print(json.loads(base64.urlsafe_b64decode(padded)))
try:
    base64.urlsafe_b64decode(tok)
except Exception as e:
    print(type(e).__name__, e)
print(base64.b64decode("aGVsbG8=").decode("utf-8"), base64.b64encode("héllo".encode()).decode())
