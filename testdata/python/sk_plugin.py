# Semantic Kernel functions run per call; the plugin is built once.
import httpx
from semantic_kernel.functions import kernel_function


class WeatherPlugin:
    def __init__(self):
        self.http = httpx.AsyncClient()  # ok: the plugin is built once

    @kernel_function(name="get_weather", description="Gets the weather")
    async def get_weather(self, city: str) -> str:
        async with httpx.AsyncClient() as c:  # want SNAT002
            return (await c.get("https://api.example.com/" + city)).text

    @kernel_function
    async def shared(self, city: str) -> str:
        return (await self.http.get("https://api.example.com/" + city)).text  # ok: the plugin's client

    async def not_a_function(self, city):
        return httpx.AsyncClient()  # ok: not a kernel function, never called from one
