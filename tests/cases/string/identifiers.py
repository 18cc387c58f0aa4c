from string import Template
print(Template("$a ${b} $a $$c ${d}e $_f1").get_identifiers())
print(Template("no placeholders").get_identifiers(), Template("").is_valid())
print(Template("$").get_identifiers(), Template("$").is_valid(), Template("$$").is_valid())
print(Template("${9}").is_valid(), Template("$9").is_valid(), Template("$A9").get_identifiers())
