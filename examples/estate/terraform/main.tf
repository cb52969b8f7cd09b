terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "allow_public" {
  type    = bool
  default = false
}

locals {
  prefix = "contoso-${var.environment}"
  tags = {
    owner               = "ml-platform"
    data-classification = "confidential"
  }
}

resource "azurerm_resource_group" "ai" {
  name     = "${local.prefix}-ai"
  location = "westeurope"
}

module "openai" {
  source         = "./modules/openai"
  name           = "${local.prefix}-oai"
  location       = azurerm_resource_group.ai.location
  public_access  = var.allow_public
  tags           = local.tags
  deployments = {
    chat = { model = "gpt-4o", version = "2024-11-20" }
  }
}

resource "azurerm_storage_account" "training" {
  name                            = "contosotraining"
  resource_group_name             = azurerm_resource_group.ai.name
  location                        = azurerm_resource_group.ai.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
  tags                            = local.tags
}

resource "azurerm_key_vault" "ml" {
  name                     = "${local.prefix}-kv"
  location                 = azurerm_resource_group.ai.location
  resource_group_name      = azurerm_resource_group.ai.name
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "${local.prefix}-mlw"
  location                = azurerm_resource_group.ai.location
  resource_group_name     = azurerm_resource_group.ai.name
  application_insights_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Insights/components/ai"
  key_vault_id            = azurerm_key_vault.ml.id
  storage_account_id      = azurerm_storage_account.training.id

  identity {
    type = "SystemAssigned"
  }
}
