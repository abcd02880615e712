<#-- The print book: one XHTML document for openhtmltopdf. The parts are the same chapter bodies as the EPUB's. -->
<#import "lib/parts.ftl" as p>
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${meta.language()}" xml:lang="${meta.language()}">
<head>
<meta charset="UTF-8"/>
<title>${meta.title()}</title>
<meta name="author" content="${meta.authors()?join(', ')}"/>
<meta name="subject" content="<#if meta.description()?has_content>${meta.description()}<#else>${meta.title()}</#if>"/>
<bookmarks>
<bookmark name="Contents" href="#contents"/>
<#assign openPart = "">
<#list book.allParts() as ch>
<#if ch.part() != openPart><#if openPart?has_content></bookmark>
</#if><#if ch.part()?has_content><bookmark name="${ch.part()}" href="#${ch.slug()}">
</#if><#assign openPart = ch.part()></#if>
<bookmark name="<#if ch.isNumbered()>${ch.isAppendix()?then(ch.label(), ch.numeral())}. </#if>${ch.title()}" href="#${ch.slug()}"><#if ch.isNumbered()>
<#list ch.sections() as s><bookmark name="${s.number()} ${s.text()}" href="${w.href(ch, s.id())}"/>
</#list></#if></bookmark>
</#list>
<#if openPart?has_content></bookmark>
</#if></bookmarks>
<style>
${css?no_esc}
</style>
</head>
<body>
<div class="rh-book">${meta.title()}</div>
<@p.titlePage book/>
<@p.copyrightPage book/>
<nav class="toc print-toc" id="contents" aria-labelledby="contents-title">
<div class="rh-chapter">Contents</div>
<h1 id="contents-title" class="part-title">Contents</h1>
<@p.tocList book true/>
</nav>
<#list book.frontMatter() as ch>
<#assign rh><div class="rh-chapter">${ch.title()}</div></#assign>
<div class="part-wrap front-wrap"><div class="rh-chapter" aria-hidden="true"></div>
<@p.chapterBody ch rh/>
</div>
</#list>
<#list book.chapters() as ch>
<#assign rh><div class="rh-chapter"><#if ch.isNumbered()>${ch.numeral()} · </#if>${ch.title()}</div></#assign>
<div class="part-wrap main-wrap<#if ch?is_first> first-main</#if>"><div class="rh-chapter" aria-hidden="true"></div>
<@p.chapterBody ch rh/>
</div>
</#list>
<#list book.backMatter() as ch>
<#assign rh><div class="rh-chapter"><#if ch.isAppendix()>${ch.label()} · </#if>${ch.title()}</div></#assign>
<div class="part-wrap main-wrap<#if !book.chapters()?has_content && ch?is_first> first-main</#if>"><div class="rh-chapter" aria-hidden="true"></div>
<@p.chapterBody ch rh/>
</div>
</#list>
</body>
</html>
