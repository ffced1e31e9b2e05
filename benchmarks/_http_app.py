"""The app benchmarks/http.py serves: foi's, plus a bare hello route as the machine's floor."""

from foi import create_app

app = create_app()
app.add_url_rule("/bench-hello", "bench_hello", lambda: "hello")
