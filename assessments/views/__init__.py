"""Views of the assessments app, by what the person is doing."""
