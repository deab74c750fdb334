package pylint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/pylint/frameworks"
)

// TestLabels: for each recognised framework the label and the fix text of
// a finding in its context; for a file that imports no web framework the
// generic ones (design.md, "Labels say what was recognised"). Every
// registered framework needs a case here.
func TestLabels(t *testing.T) {
	tests := []struct {
		name  string            // the case
		fw    string            // frameworks.Framework.Name whose Fix is expected
		files map[string]string // file name -> source; the finding is in the first one that has "# here"
		where string            // "in <label> <function>"
	}{
		{"flask route", "flask", map[string]string{"app.py": `from flask import Flask
import requests
app = Flask(__name__)
@app.route("/")
def index():
    return requests.get("https://x")  # here
`}, "in Flask route index"},
		{"quart route", "quart", map[string]string{"app.py": `from quart import Quart
import requests
app = Quart(__name__)
@app.websocket("/ws")
async def ws():
    return requests.get("https://x")  # here
`}, "in Quart route ws"},
		{"fastapi route", "fastapi", map[string]string{"app.py": `from fastapi import FastAPI
import requests
app = FastAPI()
@app.get("/")
def index():
    return requests.get("https://x")  # here
`}, "in FastAPI route index"},
		{"fastapi request parameter", "fastapi", map[string]string{"deps.py": `from fastapi import Request
from starlette.requests import HTTPConnection
import requests
async def current_user(request: Request):
    return requests.get("https://x")  # here
`}, "in FastAPI route current_user"},
		{"starlette endpoint", "starlette", map[string]string{"app.py": `from starlette.applications import Starlette
from starlette.routing import Route
import requests
def home(req):
    return requests.get("https://x")  # here
app = Starlette(routes=[Route("/", home)])
`}, "in Starlette endpoint home"},
		{"aiohttp handler", "aiohttp", map[string]string{"app.py": `from aiohttp import web
import requests
routes = web.RouteTableDef()
@routes.get("/")
async def index(request):
    return requests.get("https://x")  # here
`}, "in aiohttp handler index"},
		{"aiohttp request parameter", "aiohttp", map[string]string{"app.py": `from aiohttp import web
import requests
async def index(request):
    return requests.get("https://x")  # here
`}, "in aiohttp handler index"},
		{"azure functions route", "azure-functions", map[string]string{"function_app.py": `import azure.functions as func
import requests
app = func.FunctionApp()
@app.route(route="x")
def x(req):
    return requests.get("https://x")  # here
`}, "in Azure Functions route x"},
		{"celery task", "celery", map[string]string{"tasks.py": `from celery import shared_task
import requests
@shared_task
def t():
    return requests.get("https://x")  # here
`}, "in Celery task t"},
		{"dramatiq actor", "dramatiq", map[string]string{"tasks.py": `import dramatiq
import requests
@dramatiq.actor
def t():
    return requests.get("https://x")  # here
`}, "in Dramatiq actor t"},
		{"rq job", "rq", map[string]string{"jobs.py": `from rq import Queue
import requests
def work():
    return requests.get("https://x")  # here
def schedule(conn):
    Queue(connection=conn).enqueue(work)
    Queue(connection=conn).enqueue_call(func=work)
`}, "in RQ job work"},
		{"mcp tool", "mcp", map[string]string{"server.py": `from mcp.server.fastmcp import FastMCP
import requests
mcp = FastMCP("x")
@mcp.tool
def tool():
    return requests.get("https://x")  # here
`}, "in MCP tool tool"},
		{"semantic kernel function", "semantic-kernel", map[string]string{"plugin.py": `from semantic_kernel.functions import kernel_function
import requests
class P:
    @kernel_function
    def f(self):
        return requests.get("https://x")  # here
`}, "in Semantic Kernel function P.f"},
		{"grpc method", "grpc", map[string]string{"server.py": `import greeter_pb2_grpc
import requests
class G(greeter_pb2_grpc.GreeterServicer):
    def Hello(self, request, context):
        return requests.get("https://x")  # here
`}, "in gRPC method G.Hello"},
		{"channels consumer", "channels", map[string]string{"consumers.py": `from channels.generic.websocket import WebsocketConsumer
import requests
class C(WebsocketConsumer):
    def receive(self, text_data=None, bytes_data=None):
        return requests.get("https://x")  # here
`}, "in Channels consumer C.receive"},
		{"lambda handler", "lambda", map[string]string{"handler.py": `import requests
def lambda_handler(event, context):
    return requests.get("https://x")  # here
`}, "in Lambda handler lambda_handler"},
		{"drf view", "drf", map[string]string{"views.py": `from rest_framework.decorators import api_view
import requests
@api_view(["GET"])
def v(request):
    return requests.get("https://x")  # here
`}, "in DRF view v"},
		{"django view by import", "django", map[string]string{"views.py": `from django.http import JsonResponse
import requests
def v(request):
    return JsonResponse(requests.get("https://x").json())  # here
`}, "in Django view v"},
		{"django view by URLconf", "django", map[string]string{"views.py": `import requests
def v(req):
    return requests.get("https://x")  # here
`, "urls.py": `from django.urls import path
from . import views
urlpatterns = [path("", views.v)]
`}, "in Django view v"},
		{"django middleware", "django-middleware", map[string]string{"mw.py": `from django.utils.deprecation import MiddlewareMixin
import requests
class M(MiddlewareMixin):
    def process_request(self, request):
        return requests.get("https://x")  # here
`}, "in Django middleware M.process_request"},
		{"request parameter, no web framework", "generic", map[string]string{"util.py": `import requests
def handle(request):
    return requests.get("https://x")  # here
`}, "in request handler handle"},
		{"request parameter in a Flask file", "generic", map[string]string{"util.py": `import requests
from flask import jsonify
def handle(request):
    return jsonify(requests.get("https://x").json())  # here
`}, "in request handler handle"},
		{"a view by its base's name in an aiohttp app", "aiohttp", map[string]string{"views.py": `from aiohttp import web
from homeassistant.components.http import HomeAssistantView
import requests
class StatusView(HomeAssistantView):
    async def get(self, request):
        return web.json_response(requests.get("https://x").json())  # here
`}, "in view StatusView.get"},
		{"a view by its base's name, no framework imported", "generic", map[string]string{"views.py": `from somelib.views import BaseView
import requests
class StatusView(BaseView):
    def get(self, request):
        return requests.get("https://x")  # here
`}, "in view StatusView.get"},
		{"a view by its base's name in a Django app", "django", map[string]string{"views.py": `from django.http import JsonResponse
from braces.views import JSONResponseView
import requests
class StatusView(JSONResponseView):
    def get(self, request):
        return JsonResponse(requests.get("https://x").json())  # here
`}, "in Django view StatusView.get"},
		{"aiohttp client only is no web app", "generic", map[string]string{"util.py": `import aiohttp
import requests
def handle(request):
    return requests.get("https://x")  # here
`}, "in request handler handle"},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.fw] = true
		t.Run(tt.name, func(t *testing.T) {
			var fw *frameworks.Framework
			for _, f := range frameworks.All() {
				if f.Name == tt.fw {
					fw = f
				}
			}
			if fw == nil {
				t.Fatalf("no framework %q", tt.fw)
			}
			findings, here, line := checkMarked(t, tt.files)
			var msg string
			for _, f := range findings {
				if f.Pos.File == absClean(here) && f.Pos.Line == line {
					msg = f.Message
				} else {
					t.Errorf("unexpected finding %s:%d: %s", f.Pos.File, f.Pos.Line, f.Message)
				}
			}
			if msg == "" {
				t.Fatalf("no finding at %s:%d", here, line)
			}
			if !strings.Contains(msg, " "+tt.where+": ") {
				t.Errorf("message %q does not say %q", msg, tt.where)
			}
			if !strings.Contains(msg, fw.Fix) {
				t.Errorf("message %q does not give %s's fix %q", msg, fw.Name, fw.Fix)
			}
		})
	}
	for _, fw := range frameworks.All() {
		if !covered[fw.Name] {
			t.Errorf("framework %s has no label case", fw.Name)
		}
	}
}

// TestRequestParamOfProjectType: a first parameter named request that is
// annotated with one of the scanned project's classes is that class (a
// scan request, a job description), not an HTTP request, so the function
// is no generic request handler; any other annotation keeps the guess.
func TestRequestParamOfProjectType(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  int // findings at "# here"
	}{
		{"class of the same file", map[string]string{"scan.py": `import aiohttp
class ScanRequest:
    pass
async def discover(request: ScanRequest):
    async with aiohttp.ClientSession() as s:  # here
        return await s.get("https://x")
`}, 0},
		{"class of another module", map[string]string{"jobs.py": `class Job:
    pass
`, "run.py": `import requests
from jobs import Job
def run(request: Job):
    return requests.get("https://x")  # here
`}, 0},
		{"quoted class of the same file", map[string]string{"scan.py": `import requests
def discover(request: "ScanRequest"):
    return requests.get("https://x")  # here
class ScanRequest:
    pass
`}, 0},
		{"library type", map[string]string{"util.py": `import requests
from somelib import Request
def handle(request: Request):
    return requests.get("https://x")  # here
`}, 1},
		{"untyped", map[string]string{"util.py": `import requests
def handle(request):
    return requests.get("https://x")  # here
`}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings, here, line := checkMarked(t, tt.files)
			got := 0
			for _, f := range findings {
				if f.Pos.File == absClean(here) && f.Pos.Line == line && strings.Contains(f.Message, "in request handler") {
					got++
				} else {
					t.Errorf("unexpected finding %s:%d: %s", f.Pos.File, f.Pos.Line, f.Message)
				}
			}
			if got != tt.want {
				t.Errorf("%d request-handler findings at %s:%d, want %d", got, here, line, tt.want)
			}
		})
	}
}

// checkMarked writes files (name -> source) to a temporary directory,
// runs the Python pass over them, fails the test on any file error, and
// returns the findings and the file and line marked "# here".
func checkMarked(t *testing.T, files map[string]string) (findings []Finding, here string, line int) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		for i, l := range strings.Split(src, "\n") {
			if strings.Contains(l, "# here") {
				here, line = p, i+1
			}
		}
	}
	findings, errs := Check(context.Background(), paths, Options{})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	return findings, here, line
}
