print(repr('it\'s'), repr('say "hi"'), repr('both \' and "'), repr('tab\there\n'), repr('\x00\x7f'), repr('é€😀'), repr('\u200b'))
print(ascii('é€😀'), ascii('abc'))
