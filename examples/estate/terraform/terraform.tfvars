environment  = "prod"
allow_public = true
