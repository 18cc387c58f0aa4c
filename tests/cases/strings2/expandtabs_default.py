print(repr('a\tbc\td'.expandtabs()), repr('\t'.expandtabs(2)), repr('ab\ncd\te'.expandtabs(3)))
