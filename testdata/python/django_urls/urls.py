from django.conf.urls import url
from django.urls import include, path, re_path

from . import views
from .views import detail

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", detail),
    re_path(r"^shared/$", view=views.shared),
    url(r"^legacy/$", views.legacy),
    path("plain/", views.Plain.as_view()),
    path("report/", views.Report.as_view()),
    path("api/", include("api.urls")),
]
