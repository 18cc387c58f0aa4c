flag = Flase
