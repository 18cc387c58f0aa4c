print('Straße'.casefold() == 'strasse', 'ﬁ'.upper(), 'ǆ'.title(), 'Σ'.lower())
