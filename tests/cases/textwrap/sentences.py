import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.wrap("Hello there. How are you? Fine.", 12, fix_sentence_endings=True))
print(tw.fill("I said 'no.' Then I left! Really? Yes.", 60, fix_sentence_endings=True))
print(tw.fill("Mr. Smith went home. He slept.", 60, fix_sentence_endings=True))
