"""Support chatbot (sample with deliberate mistakes for Rampart's demo)."""
import torch
from openai import AzureOpenAI
from transformers import AutoModelForSequenceClassification

AZURE_OPENAI_API_KEY = "3f9c2a7b1e4d8c6a0b5f7e2d9c1a4b6e"  # fake key, for the demo only
client = AzureOpenAI(
    azure_endpoint="https://contoso-prod-oai.openai.azure.com",
    api_key=AZURE_OPENAI_API_KEY,
    api_version="2024-10-21",
)

classifier = AutoModelForSequenceClassification.from_pretrained("contoso/intent-model")
reranker = torch.load("models/reranker.pt")
