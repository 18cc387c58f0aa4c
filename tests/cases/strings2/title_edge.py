print('hello   world'.title(), 'x1y2'.title(), 'ÉCOLE'.title(), '3rd place'.capitalize())
