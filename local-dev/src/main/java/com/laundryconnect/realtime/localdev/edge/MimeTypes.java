package com.laundryconnect.realtime.localdev.edge;

/**
 * The content types of what a browser console is made of. Written into the config instead of including the system's
 * mime.types, so that the config depends on nothing of the installed nginx package but its binary.
 */
final class MimeTypes {

    static final String BLOCK = """
                types {
                    text/html html htm;
                    text/css css;
                    text/javascript js mjs;
                    application/json json map;
                    image/svg+xml svg;
                    image/png png;
                    image/jpeg jpg jpeg;
                    image/x-icon ico;
                    image/webp webp;
                    font/woff2 woff2;
                    application/wasm wasm;
                    text/plain txt;
                }""";

    private MimeTypes() {
    }
}
