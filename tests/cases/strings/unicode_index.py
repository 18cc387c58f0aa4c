s = 'héllo wörld 😀!'
print(len(s), s[1], s[7], s[-2], s[2:9], s[::-1], s.upper(), s.find('ö'), list(s[:4]))
print(ord('😀'), chr(128512), chr(233), ord('a'))
