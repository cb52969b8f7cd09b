variable "name" {
  type = string
}

variable "location" {
  type = string
}

variable "public_access" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "deployments" {
  type = map(object({ model = string, version = string }))
}

resource "azurerm_cognitive_account" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = "contoso-prod-ai"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = var.name
  public_network_access_enabled = var.public_access
  tags                          = var.tags

  dynamic "network_acls" {
    for_each = var.public_access ? [] : [1]
    content {
      default_action = "Deny"
    }
  }
}

resource "azurerm_cognitive_deployment" "this" {
  for_each             = var.deployments
  name                 = each.key
  cognitive_account_id = azurerm_cognitive_account.this.id

  model {
    format  = "OpenAI"
    name    = each.value.model
    version = each.value.version
  }

  sku {
    name = "Standard"
  }
}

output "id" {
  value = azurerm_cognitive_account.this.id
}
