package org.takedown.support;

import java.util.List;

/**
 * Officer text meant to break out of its place: HTML and attribute injection, script and style, foreign links and
 * frames, template syntax (Qute and others), bidi tricks. Every page that shows officer text must show these inert.
 */
public final class XssCorpus {

    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<body onload=alert(1)>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "<form action=\"https://evil.example\"><input name=q></form>",
            "{config:quarkus.datasource.password}",
            "{cdi:auditLog}",
            "{#for x in cdi:y}{x}{/for}",
            "{page.headline}{page.callToAction.url}",
            "${7*7}#{7*7}",
            "{{7*7}}",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "<embed src=\"https://evil.example/x\">",
            "<video><source onerror=\"alert(1)\"></video>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<details open ontoggle=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "\" onmouseover=\"alert(1)",
            "' onmouseover='alert(1)",
            "</p></main><script src=https://evil.example/x.js></script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<!--<script>alert(1)//-->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "\u202e<script>alert(1)</script>",
            "<img src=\"https://tracker.example/p.gif\">",
            "<a href=\"https://evil.example\">click</a>");

    private XssCorpus() {}
}
