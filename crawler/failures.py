"""Pure: why a fetch failed, in plain Chinese, with the HTTP status when there was one."""

from __future__ import annotations

TOO_LARGE = "响应超过大小上限，已放弃下载"

# Exception class names (Twisted's, Scrapy's own since 2.13) → what a web team reads.
REASONS = (
    (("DNSLookupError", "CannotResolveHostError"), "域名解析失败（DNS）"),
    (("TimeoutError", "TCPTimedOutError", "DownloadTimeoutError", "UserTimeoutError"), "连接超时"),
    (("ConnectionRefusedError", "DownloadConnectionRefusedError"), "连接被拒绝"),
    (("DownloadCancelledError", "CancelledError"), TOO_LARGE),
    (("ResponseNeverReceived", "ConnectionLost", "ConnectionDone", "ResponseFailed", "PotentialDataLoss",
      "ResponseDataLossError", "DownloadFailedError", "ConnectError"), "连接中断，未收到完整响应"),
    (("SSLError", "TLSError"), "HTTPS 加密连接失败"),
)
ROBOTS = "Forbidden by robots.txt"
REDIRECTS = "max redirections reached"
OFFSITE_REDIRECT = "zwgk: offsite redirect to "


def describe(exc: BaseException) -> tuple[int, str]:
    """(HTTP status or 0, reason in plain words) for the exception a failed request ended with."""
    response = getattr(exc, "response", None)
    if response is not None and getattr(response, "status", 0):
        return response.status, f"HTTP {response.status}"
    message = str(exc)
    if REDIRECTS in message:
        return 0, "重定向次数过多（可能是重定向循环）"
    if "during decompression" in message:  # HttpCompressionMiddleware past DOWNLOAD_MAXSIZE
        return 0, "响应解压后超过大小上限（疑似压缩炸弹），已放弃下载"
    if message.startswith(OFFSITE_REDIRECT):  # crawler.redirects.OffsiteRedirectMiddleware
        return 0, f"重定向到站外网址 {message[len(OFFSITE_REDIRECT):]}，未跟随"
    names = {cls.__name__ for cls in type(exc).__mro__}
    for classes, reason in REASONS:
        if names.intersection(classes):
            return 0, reason
    return 0, f"无法访问（{type(exc).__name__}）"


def is_robots_exclusion(exc: BaseException) -> bool:
    return type(exc).__name__ == "IgnoreRequest" and ROBOTS in str(exc)
