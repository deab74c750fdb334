# SNAT006: OpenAI, Azure OpenAI and Anthropic clients own an httpx pool.
import functools

import anthropic
import httpx
import openai
from anthropic import AsyncAnthropic
from openai import AzureOpenAI
from flask import Flask

app = Flask(__name__)

CLIENT = openai.OpenAI()  # ok: module level
HTTP = httpx.Client()  # ok


@app.route("/chat")
def chat():
    client = openai.OpenAI()  # want SNAT006
    azure = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01")  # want SNAT006
    claude = anthropic.Anthropic()  # want SNAT006
    shared = openai.OpenAI(http_client=HTTP)  # ok: a shared httpx pool by keyword
    return client, azure, claude, shared


@app.route("/async")
async def achat():
    client = openai.AsyncOpenAI()  # want SNAT006
    aazure = openai.AsyncAzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01")  # want SNAT006
    claude = AsyncAnthropic()  # want SNAT006
    return client, aazure, claude


def summarize(docs):
    for doc in docs:
        client = anthropic.Anthropic()  # want SNAT006
        client.messages.create(model="m", max_tokens=10, messages=[{"role": "user", "content": doc}])


@functools.lru_cache(maxsize=1)
def llm():
    return openai.OpenAI()  # ok: cached factory


@app.route("/cached")
def cached():
    return llm().models.list()  # ok
