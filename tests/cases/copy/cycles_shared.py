import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
_t(lambda: (cc[1] is cc, cc is not cyc), '(cc[1] is cc, cc is not cyc)')
d = {"a": 1}
d["self"] = d
dd = copy.deepcopy(d)
_t(lambda: dd["self"] is dd, 'dd["self"] is dd')
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
_t(lambda: (pc[0] is pc[1], pc[0] is shared), '(pc[0] is pc[1], pc[0] is shared)')
