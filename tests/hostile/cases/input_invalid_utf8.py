# found by fuzz_input: invalid UTF-8 inside a JSON string from the host made a str that broke its invariants (heap overflow in json.dumps)
# limits: --input=x=@input_invalid_utf8.json
# expect: UnicodeDecodeError
import json
print(json.dumps(x))
