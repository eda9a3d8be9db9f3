// The sentences Django REST Framework 3.14 and SimpleJWT write into `detail` on their own errors
// (rest_framework/exceptions.py default_detail, pagination.py invalid_cursor_message, SimpleJWT's InvalidToken).
// They are written for API developers ("Method \"DELETE\" not allowed."), never carry a `code` in the body, and a
// real backend sends them for 401/403/404/405/429 as readily as the demo does. So the HTTP status speaks for
// them; a sentence the backend wrote itself ("Only 2 left in stock.", "No active account found with the given
// credentials") is kept as the message. Translated DRF sentences are not matched: they are already readable.
const FRAMEWORK_DETAILS: readonly RegExp[] = [
  /^Authentication credentials were not provided\.$/,
  /^Incorrect authentication credentials\.$/,
  /^You do not have permission to perform this action\.$/,
  /^Not found\.$/,
  // DRF 3.15+ passes Django's Http404 text on: get_object_or_404's "No Product matches the given query."
  /^No \w+ matches the given query\.$/,
  /^Method "[^"]*" not allowed\.$/,
  /^Request was throttled\.( Expected available in \d+ seconds?\.)?$/,
  /^Malformed request\.$/,
  /^JSON parse error - /,
  /^Unsupported media type "[^"]*" in request\.$/,
  /^Could not satisfy the request Accept header\.$/,
  /^A server error occurred\.$/,
  /^Invalid cursor$/,
  /^Invalid page\.$/,
  /^Given token not valid for any token type$/,
  /^Token is (?:invalid or expired|invalid|expired)$/,
  /^Token is blacklisted$/,
  /^Token contained no recognizable user identification$/,
  /^Authorization header must contain two space-delimited values$/,
  /^User not found$/,
  /^User is inactive$/,
]

/** True for a `detail` DRF or SimpleJWT wrote by default, which a shopper should not read as it is. */
export function isFrameworkDetail(detail: string): boolean {
  return FRAMEWORK_DETAILS.some(pattern => pattern.test(detail))
}
