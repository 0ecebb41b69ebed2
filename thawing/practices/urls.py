from django.urls import path

from thawing.practices import doing_views, rhythm_views, views

app_name = "practices"
urlpatterns = [
    path("practice/", views.index, name="index"),
    path("practice/<slug:exercise_id>/", views.player, name="player"),
    path("checklist/", views.checklist, name="checklist"),
    path("checklist/<slug:item>/", views.tick, name="tick"),
    path("pace/", views.pace, name="pace"),
    path("doing/", doing_views.index, name="doing"),
    path("doing/list/<slug:kind>/", doing_views.one_list, name="list"),
    path("doing/item/<int:item_id>/", doing_views.item_action, name="item"),
    path("doing/item/<int:item_id>/edit/", doing_views.item_edit, name="item_edit"),
    path("doing/item/<int:item_id>/plan/", doing_views.plan, name="plan"),
    path("doing/activity/<int:activity_id>/", doing_views.rate, name="rate"),
    path("connect/", doing_views.connect, name="connect"),
    path("connect/<int:connection_id>/delete/", doing_views.connection_delete, name="connection_delete"),
    path("rhythm/", rhythm_views.rhythm, name="rhythm"),
    path("rhythm/thawing-reminders.ics", rhythm_views.calendar_download, name="calendar"),
    path("rhythm/new-address/", rhythm_views.renew_feed, name="renew_feed"),
    path("feed/<str:token>.ics", rhythm_views.feed, name="feed"),
]
