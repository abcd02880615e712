<#-- A front-matter page of the EPUB (title page, copyright page): `which` names the macro. -->
<#import "lib/parts.ftl" as p>
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${meta.language()}" xml:lang="${meta.language()}">
<head>
<meta charset="UTF-8"/>
<title>${pageTitle}</title>
<#list stylesheets as css><link rel="stylesheet" type="text/css" href="${css}"/>
</#list></head>
<body>
<#if which == "title"><@p.titlePage book/><#else><@p.copyrightPage book/></#if>
</body>
</html>
