raise NameError("naem")
