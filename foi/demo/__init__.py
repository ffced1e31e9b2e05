"""Demo data: the agency directory of Azerbaijan, topics and realistic request content."""
