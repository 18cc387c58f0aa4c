def act(command):
    match command.split():
        case [action]:
            return f"single action {action}"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", direction]:
            return f"can't go {direction}"
        case ["pick", "up", *items] if items:
            return f"picking up {', '.join(items)}"
        case ["drop", *objects]:
            return f"dropping {len(objects)} object(s)"
        case ["say", *words] if len(words) > 3:
            return "too long"
        case ["say", *words]:
            return " ".join(words).upper()
        case []:
            return "nothing"
        case _:
            return f"unknown: {command!r}"

for c in ["look", "go north", "go up", "pick up sword shield", "pick up", "drop a b c", "drop",
          "say hello there", "say a b c d", "", "   ", "jump over the fence"]:
    print(act(c))
