<#-- The print cover: one page of the book's trim size, the cover image filling it. -->
<#import "lib/cover.ftl" as c>
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${meta.language()}" xml:lang="${meta.language()}">
<head>
<meta charset="UTF-8"/>
<title>${meta.title()}</title>
<meta name="author" content="${meta.authors()?join(', ')}"/>
<meta name="subject" content="<#if meta.description()?has_content>${meta.description()}<#else>${meta.title()}</#if>"/>
<style>
@page { size: ${meta.pageSize().widthPt()?c}pt ${meta.pageSize().heightPt()?c}pt; margin: 0; }
html, body { margin: 0; padding: 0; font-family: "Liberation Serif", "DejaVu Serif", "DejaVu Sans", serif; }
img { display: block; width: ${meta.pageSize().widthPt()?c}pt; height: ${meta.pageSize().heightPt()?c}pt; }
</style>
</head>
<body>
<img src="${image}" alt="${c.alt(meta)}"/>
</body>
</html>
