# Django Channels consumers: per connection and per message.
import httpx
import requests
from channels.generic.websocket import AsyncJsonWebsocketConsumer, WebsocketConsumer

HTTP = httpx.AsyncClient()  # ok: module level


class Chat(WebsocketConsumer):
    def connect(self):
        self.session = requests.Session()  # want SNAT002
        self.accept()

    def receive(self, text_data=None, bytes_data=None):
        requests.post("https://example.com", data=text_data)  # want SNAT005

    def chat_message(self, event):
        requests.get("https://example.com")  # want SNAT005


class Feed(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        return await HTTP.get("https://example.com")  # ok: shared

    async def disconnect(self, code):
        async with httpx.AsyncClient() as c:  # want SNAT002
            await c.post("https://example.com/bye")
