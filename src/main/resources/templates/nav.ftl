<#import "lib/parts.ftl" as p>
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${meta.language()}" xml:lang="${meta.language()}">
<head>
<meta charset="UTF-8"/>
<title>Contents</title>
<#list stylesheets as css><link rel="stylesheet" type="text/css" href="${css}"/>
</#list></head>
<body>
<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title" class="toc">
<h1 id="toc-title">Contents</h1>
<@p.tocList book/>
</nav>
<nav epub:type="landmarks" id="landmarks" class="landmarks" aria-label="Landmarks" hidden="hidden">
<ol>
<#if cover??><li><a epub:type="cover" href="${cover.page}">Cover</a></li></#if>
<li><a epub:type="titlepage" href="title.xhtml">Title page</a></li>
<li><a epub:type="toc" href="nav.xhtml">Contents</a></li>
<#if book.chapters()?has_content><li><a epub:type="bodymatter" href="${book.chapters()[0].fileName()}">${book.chapters()[0].title()}</a></li></#if>
<#list book.backMatter() as ch><#if ch.isGlossary()><li><a epub:type="glossary" href="${ch.fileName()}">${ch.title()}</a></li></#if><#if ch.generated() == 'index'><li><a epub:type="index" href="${ch.fileName()}">${ch.title()}</a></li></#if></#list>
</ol>
</nav>
<#if pageList?has_content>
<nav epub:type="page-list" id="page-list" role="doc-pagelist" aria-label="Pages of the print edition" hidden="hidden">
<ol>
<#list pageList as pg><li><a href="${pg.href}">${pg.label}</a></li>
</#list></ol>
</nav>
</#if>
</body>
</html>
