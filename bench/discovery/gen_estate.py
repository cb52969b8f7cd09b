#!/usr/bin/env python3
"""Generates the discovery/posture benchmark inputs (never committed; see docs/BENCHMARKS.md).

  gen_estate.py OUT_DIR [--resources 10000] [--files 1000] [--seed 7]

OUT_DIR/arg/resources.json  Azure Resource Graph output (`az graph query` shape): AI accounts
                            (OpenAI, AIServices), their deployments, ML workspaces and online
                            endpoints, search services, storage accounts, key vaults, APIM and
                            private endpoints, with a realistic spread of good and bad settings.
OUT_DIR/repo/               a code repository of --files files: Python and TypeScript sources
                            (some calling AI SDKs, some with trust_remote_code / torch.load /
                            hard-coded fake keys), dependency files, notebooks, prompts, MCP
                            configurations and small model files.
"""
import argparse
import json
import os
import random

SUB = "00000000-0000-0000-0000-{:012d}"


def rid(sub, rg, provider, name):
    return f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{provider}/{name}"


def arg(n, rnd):
    rows = []
    i = 0
    while len(rows) < n:
        sub = SUB.format(i % 40)
        rg = f"rg-ai-{i % 300}"
        loc = rnd.choice(["westeurope", "eastus", "swedencentral", "northeurope"])
        tags = {"owner": f"team-{i % 57}", "env": rnd.choice(["dev", "test", "prod"])}
        kind = i % 10
        name = f"res{i:06d}"
        if kind in (0, 1):
            acct = rid(sub, rg, "Microsoft.CognitiveServices/accounts", name)
            public = rnd.random() < 0.4
            rows.append({
                "id": acct, "name": name, "type": "microsoft.cognitiveservices/accounts",
                "kind": rnd.choice(["OpenAI", "AIServices", "CognitiveServices"]),
                "location": loc, "tags": tags, "sku": {"name": "S0"},
                "identity": {"type": "SystemAssigned"} if rnd.random() < 0.6 else None,
                "properties": {
                    "publicNetworkAccess": "Enabled" if public else "Disabled",
                    "disableLocalAuth": rnd.random() < 0.5,
                    "networkAcls": {"defaultAction": "Allow" if public else "Deny",
                                    "ipRules": [], "virtualNetworkRules": []},
                    "privateEndpointConnections": [] if public else [{"id": acct + "/pec"}],
                    "encryption": {"keySource": rnd.choice(["Microsoft.CognitiveServices",
                                                            "Microsoft.KeyVault"])},
                    "customSubDomainName": name, "provisioningState": "Succeeded",
                },
            })
            for d in range(2 if len(rows) + 2 <= n else 0):
                rows.append({
                    "id": acct + f"/deployments/dep{d}", "name": f"{name}/dep{d}",
                    "type": "microsoft.cognitiveservices/accounts/deployments",
                    "location": loc, "tags": {},
                    "sku": {"name": "Standard", "capacity": 10},
                    "properties": {
                        "model": {"format": "OpenAI", "name": rnd.choice(
                            ["gpt-4o", "gpt-4o-mini", "text-embedding-3-large"]),
                            "version": "2024-08-06"},
                        "raiPolicyName": rnd.choice(["Microsoft.Default", "", None]),
                        "versionUpgradeOption": "OnceNewDefaultVersionAvailable",
                    },
                })
        elif kind == 2:
            rows.append({
                "id": rid(sub, rg, "Microsoft.MachineLearningServices/workspaces", name),
                "name": name, "type": "microsoft.machinelearningservices/workspaces",
                "kind": rnd.choice(["Default", "Hub", "Project"]), "location": loc, "tags": tags,
                "identity": {"type": "SystemAssigned"},
                "properties": {
                    "publicNetworkAccess": rnd.choice(["Enabled", "Disabled"]),
                    "storageAccount": rid(sub, rg, "Microsoft.Storage/storageAccounts",
                                          f"st{i:06d}"),
                    "keyVault": rid(sub, rg, "Microsoft.KeyVault/vaults", f"kv{i:06d}"),
                    "hbiWorkspace": rnd.random() < 0.2,
                    "v1LegacyMode": False,
                },
            })
        elif kind == 3:
            rows.append({
                "id": rid(sub, rg, "Microsoft.Search/searchServices", name), "name": name,
                "type": "microsoft.search/searchservices", "location": loc, "tags": tags,
                "sku": {"name": "standard"},
                "properties": {"publicNetworkAccess": rnd.choice(["enabled", "disabled"]),
                               "disableLocalAuth": rnd.random() < 0.5,
                               "networkRuleSet": {"ipRules": []}},
            })
        elif kind == 4:
            rows.append({
                "id": rid(sub, rg, "Microsoft.Storage/storageAccounts", f"st{i:06d}"),
                "name": f"st{i:06d}", "type": "microsoft.storage/storageaccounts",
                "kind": "StorageV2", "location": loc, "tags": tags,
                "properties": {"allowBlobPublicAccess": rnd.random() < 0.3,
                               "publicNetworkAccess": rnd.choice(["Enabled", "Disabled"]),
                               "minimumTlsVersion": rnd.choice(["TLS1_0", "TLS1_2"]),
                               "allowSharedKeyAccess": rnd.random() < 0.5,
                               "networkAcls": {"defaultAction": rnd.choice(["Allow", "Deny"])}},
            })
        elif kind == 5:
            rows.append({
                "id": rid(sub, rg, "Microsoft.KeyVault/vaults", f"kv{i:06d}"),
                "name": f"kv{i:06d}", "type": "microsoft.keyvault/vaults", "location": loc,
                "tags": tags,
                "properties": {"enablePurgeProtection": rnd.random() < 0.5,
                               "enableSoftDelete": True,
                               "publicNetworkAccess": rnd.choice(["Enabled", "Disabled"]),
                               "enableRbacAuthorization": rnd.random() < 0.7},
            })
        elif kind == 6:
            rows.append({
                "id": rid(sub, rg, "Microsoft.ApiManagement/service", name), "name": name,
                "type": "microsoft.apimanagement/service", "location": loc, "tags": tags,
                "sku": {"name": "Developer", "capacity": 1},
                "properties": {"publicNetworkAccess": "Enabled",
                               "virtualNetworkType": rnd.choice(["None", "Internal"])},
            })
        elif kind == 7:
            ws = rid(sub, rg, "Microsoft.MachineLearningServices/workspaces", f"res{i - 5:06d}")
            rows.append({
                "id": ws + f"/onlineEndpoints/{name}", "name": name,
                "type": "microsoft.machinelearningservices/workspaces/onlineendpoints",
                "location": loc, "tags": tags,
                "properties": {"authMode": rnd.choice(["Key", "AADToken", "AMLToken"]),
                               "publicNetworkAccess": rnd.choice(["Enabled", "Disabled"])},
            })
        elif kind == 8:
            target = rid(sub, rg, "Microsoft.CognitiveServices/accounts", f"res{i - 8:06d}")
            rows.append({
                "id": rid(sub, rg, "Microsoft.Network/privateEndpoints", f"pe{i:06d}"),
                "name": f"pe{i:06d}", "type": "microsoft.network/privateendpoints",
                "location": loc, "tags": {},
                "properties": {"privateLinkServiceConnections": [
                    {"properties": {"privateLinkServiceId": target, "groupIds": ["account"]}}]},
            })
        else:
            rows.append({
                "id": rid(sub, rg, "Microsoft.Web/sites", name), "name": name,
                "type": "microsoft.web/sites", "kind": "app", "location": loc, "tags": tags,
                "properties": {"httpsOnly": True},
            })
        i += 1
    rows = rows[:n]
    for r in rows:
        if r.get("identity") is None:
            r.pop("identity", None)
    return {"totalRecords": len(rows), "count": len(rows), "data": rows}


PY_SAFE = """import os
import logging

log = logging.getLogger(__name__)


def handler_{n}(event):
    total = 0
    for item in event.get("items", []):
        total += len(str(item))
    log.info("processed %d items", total)
    return {{"ok": True, "size": total, "region": os.environ.get("REGION", "local")}}
"""

PY_AI = """import os
from openai import AzureOpenAI
from transformers import AutoModelForCausalLM

client = AzureOpenAI(api_key=os.environ["AZURE_OPENAI_KEY"], api_version="2024-06-01",
                     azure_endpoint="https://res{n:06d}.openai.azure.com")


def answer_{n}(question):
    model = AutoModelForCausalLM.from_pretrained("org/model-{n}"{trust})
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {{"role": "user", "content": question}}])
    return reply.choices[0].message.content
"""

PY_LOAD = """import torch

def load_{n}(path):
    return torch.load(path{weights})
"""

TS = """import OpenAI from "openai";

const client = new OpenAI({{ apiKey: {key} }});

export async function summarize{n}(text: string): Promise<string> {{
  const r = await client.chat.completions.create({{
    model: "gpt-4o-mini",
    messages: [{{ role: "user", content: `Summarize: ${{text}}` }}],
  }});
  return r.choices[0].message.content ?? "";
}}
"""


def fake_key(rnd):
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "sk-proj-" + "".join(rnd.choice(alphabet) for _ in range(48))


def repo(out, files, rnd):
    os.makedirs(out, exist_ok=True)
    written = 0

    def put(rel, text, mode="w"):
        nonlocal written
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(text)
        written += 1

    put("requirements.txt", "openai==1.51.0\ntransformers>=4.44\ntorch==2.4.1\nlangchain\n")
    put("pyproject.toml", '[project]\nname = "bench"\ndependencies = ["anthropic>=0.34",'
        ' "llama-index==0.11.0"]\n')
    put("web/package.json", json.dumps({"name": "web", "dependencies": {
        "openai": "^4.63.0", "@azure/openai": "2.0.0", "react": "18.3.1"}}, indent=2))
    put("go.mod", "module example.com/bench\n\ngo 1.22\n\nrequire github.com/sashabaranov/"
        "go-openai v1.29.0\n")
    put(".mcp.json", json.dumps({"mcpServers": {"search": {
        "command": "npx", "args": ["-y", "@modelcontextprotocol/server-brave-search"],
        "env": {"BRAVE_API_KEY": "BSA" + "x" * 28}}}}, indent=2))
    n = 0
    while written < files:
        n += 1
        roll = rnd.random()
        pkg = f"svc{n % 40}"
        if roll < 0.55:
            put(f"src/{pkg}/mod_{n}.py", PY_SAFE.format(n=n) * rnd.randint(2, 8))
        elif roll < 0.70:
            trust = ", trust_remote_code=True" if rnd.random() < 0.3 else ""
            put(f"src/{pkg}/ai_{n}.py", PY_AI.format(n=n, trust=trust))
        elif roll < 0.75:
            weights = "" if rnd.random() < 0.5 else ", weights_only=True"
            put(f"src/{pkg}/load_{n}.py", PY_LOAD.format(n=n, weights=weights))
        elif roll < 0.92:
            key = json.dumps(fake_key(rnd)) if rnd.random() < 0.05 else "process.env.OPENAI_API_KEY!"
            put(f"web/src/{pkg}/sum{n}.ts", TS.format(n=n, key=key))
        elif roll < 0.95:
            put(f"notebooks/exp_{n}.ipynb", json.dumps({"cells": [{"cell_type": "code",
                "source": ["import openai\n", "openai.chat.completions.create(model='gpt-4o')\n"]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
        elif roll < 0.97:
            put(f"prompts/p_{n}.prompt", "You are a helpful assistant for team %d.\n" % n)
        else:
            ext = rnd.choice([".safetensors", ".onnx", ".gguf", ".pt", ".pkl"])
            put(f"models/m_{n}{ext}", os.urandom(rnd.randint(256, 4096)).hex())
    return written


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--resources", type=int, default=10000)
    p.add_argument("--files", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "arg"), exist_ok=True)
    doc = arg(a.resources, rnd)
    with open(os.path.join(a.out, "arg", "resources.json"), "w") as f:
        json.dump(doc, f, indent=1)
    files = repo(os.path.join(a.out, "repo"), a.files, rnd)
    print(f"{len(doc['data'])} resources, {files} repository files under {a.out}")


if __name__ == "__main__":
    main()
