print('١٢٣'.isdigit(), '١٢٣'.isdecimal(), 'Ⅻ'.isnumeric(), 'Ⅻ'.isdigit(), '٣'.isnumeric())
