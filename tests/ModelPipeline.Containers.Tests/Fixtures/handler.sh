#!/app/busybox sh
# One HTTP/1.1 exchange on stdin/stdout (run by busybox nc -ll -e).
read -r method path version
length=0
while read -r line; do
  line=${line%$'\r'}
  [ -z "$line" ] && break
  case "$line" in
    [Cc]ontent-[Ll]ength:*) length=${line#*:}; length=${length# } ;;
  esac
done
body=""
[ "$length" -gt 0 ] 2>/dev/null && body=$(/app/busybox head -c "$length")
echo "$method $path ($length bytes)" >&2
case "$method $path" in
  "GET /ping") reply='{"status":"ok"}'; status="200 OK" ;;
  "POST /invocations") reply="{\"echo\":$body}"; status="200 OK" ;;
  *) reply='{"error":"not found"}'; status="404 Not Found" ;;
esac
printf 'HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' "$status" "${#reply}" "$reply"
