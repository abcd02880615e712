<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${meta.language()}">
<head>
<meta name="dtb:uid" content="${meta.identifier()}"/>
<meta name="dtb:depth" content="2"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${meta.title()}</text></docTitle>
<navMap>
<#-- navPoint ids are numbered, not slugs: EPUBCheck reads the NCX with XML 1.0 (4th edition) name rules, which refuse
     letters newer than Unicode 2.0 (a heading in CJK Extension A gave RSC-005) --><#assign order = 0>
<#list book.allParts() as ch><#assign order = order + 1>
<navPoint id="np-${order}" playOrder="${order}"><navLabel><text><#if ch.isNumbered()>${ch.isAppendix()?then(ch.label(), ch.numeral())}. </#if>${ch.title()}</text></navLabel><content src="${ch.fileName()}"/>
<#if ch.isNumbered()><#list ch.sections() as s><#assign order = order + 1><navPoint id="np-${order}" playOrder="${order}"><navLabel><text>${s.number()} ${s.text()}</text></navLabel><content src="${ch.fileName()}#${s.id()}"/></navPoint>
</#list></#if></navPoint>
</#list>
</navMap>
</ncx>
