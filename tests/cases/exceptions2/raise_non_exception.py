raise 'string'
