import { z } from "zod";

// Zod compiles object parsers with `new Function` where it may, and finds out by trying: under
// the pages' Content-Security-Policy (no 'unsafe-eval' for scripts) that try is reported as a
// violation even though zod catches it. In the browser it parses without compiling, so it
// never tries. Next runs this file before the app's own scripts.
z.config({ jitless: true });
