package fixsafe

var hClient = 1
