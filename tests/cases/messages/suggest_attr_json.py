import json
json.lods("{}")
