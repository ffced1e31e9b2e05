# Varnish in front of foi's gunicorn hosts: anonymous pages from the cache, signed-in never.
#
# foi itself decides what may be stored: anonymous public pages carry
# "Cache-Control: public, max-age=..." and "Vary: Accept-Language, Cookie"; everything else
# says "private, no-store", which Varnish's built-in rules refuse to store. This file only
# normalises the request so that anonymous visitors share one copy per language, and passes
# anyone with a session straight to the application.
#
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,1g
# (tests/web/test_varnish.py starts Debian's varnishd with this file.)
vcl 4.1;

import std;

backend foi {
    .host = "127.0.0.1";
    .port = "8000";
}

sub vcl_recv {
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in person, or one in the middle of a form, has a session: never from the cache.
    if (req.http.Cookie ~ "(^|;\s*)(session|remember_token)=") {
        return (pass);
    }
    # Of an anonymous visitor's cookies only the language choice changes a page.
    if (req.http.Cookie ~ "(^|;\s*)foi_lang=(az|en|ru)(;|$)") {
        set req.http.Cookie = regsub(req.http.Cookie, "^(.*;\s*)?(foi_lang=(az|en|ru))(;.*)?$", "\2");
    } else {
        unset req.http.Cookie;
    }
    # One Accept-Language per language the site offers, so the cache keeps three copies, not one
    # per browser; foi answers the normalised header, so page and cache key agree.
    if (req.http.Accept-Language) {
        set req.http.Accept-Language = std.tolower(req.http.Accept-Language);
        if (req.http.Accept-Language ~ "^\s*(az|en|ru)") {
            set req.http.Accept-Language = regsub(req.http.Accept-Language, "^\s*(az|en|ru).*$", "\1");
        } elsif (req.http.Accept-Language ~ "(,|;)\s*(az|en|ru)") {
            set req.http.Accept-Language = regsub(req.http.Accept-Language, "^.*?(,|;)\s*(az|en|ru).*$", "\2");
        } else {
            unset req.http.Accept-Language;
        }
    }
    return (hash);
}

sub vcl_backend_response {
    # Never store an answer that sets a cookie, whatever it says about caching.
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
