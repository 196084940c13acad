app_name = "section11"
urlpatterns: list = []
