import textwrap as tw
text = "The quick brown fox jumps over the lazy dog. It was a well-known, self-explanatory thing -- really!  Yes.\tTabbed\ttext here."
print(tw.wrap("résumé naïve café façade jalapeño über", 8))
print(tw.fill("日本語 テキスト の 折り返し テスト です", 10))
print(tw.wrap("emoji 😀😀😀 test 😀", 6))
