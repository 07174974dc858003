<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page frame shared by the record and corpus pages: head, skip link, site header with
  navigation, main, footer. Self-contained: one local stylesheet, no script, no fonts or
  anything else from the network, so it works from file:// and any static host.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:ed="urn:x-tei-pipeline:edition"
  xmlns:html="urn:x-tei-pipeline:html"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- The navigation entries: file name and label. -->
  <xsl:variable name="html:nav" as="element()*">
    <a href="index.html">Documents</a>
    <a href="persons.html">Persons</a>
    <a href="places.html">Places</a>
    <a href="orgs.html">Organisations</a>
    <a href="events.html">Agreements and negotiations</a>
  </xsl:variable>

  <!-- One HTML page. $title: the page's own title; $edition: the edition's name;
       $current: the file name of this page (marked aria-current in the navigation);
       $meta: extra head elements; $content: what goes into main. -->
  <xsl:template name="html:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="edition" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="meta" as="element()*"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="page" as="element()">
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title} · {$edition}</title>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:sequence select="$meta"/>
      </head>
      <body>
        <div class="skip"><a class="skip-link" href="#main">Skip to content</a></div>
        <header class="site-header">
          <p class="site-title"><a href="index.html">{$edition}</a></p>
          <nav class="site-nav" aria-label="Edition">
            <ul>
              <xsl:for-each select="$html:nav">
                <li>
                  <a href="{@href}">
                    <xsl:if test="@href = $current">
                      <xsl:attribute name="aria-current" select="'page'"/>
                    </xsl:if>
                    <xsl:value-of select="."/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <p>{$edition}. Generated from TEI sources; the dates on this site are those of the documents, not of the build.</p>
        </footer>
      </body>
    </html>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="html:indent"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A <meta name content> element, or nothing when the content is empty. -->
  <xsl:function name="html:meta" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="content" as="xs:string?"/>
    <xsl:if test="normalize-space($content)">
      <meta name="{$name}" content="{normalize-space($content)}"/>
    </xsl:if>
  </xsl:function>

  <!-- A register entry as a link to its register page, with its standard name as tooltip. -->
  <xsl:function name="html:entry-link" as="element()">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="label" as="item()*"/>
    <a href="{ed:entry-href($entry)}" title="{ed:standard-name($entry)}">
      <xsl:sequence select="if (exists($label)) then $label else ed:standard-name($entry)"/>
    </a>
  </xsl:function>

  <!-- A date as <time>, with its text (or formatted value) as content. -->
  <xsl:function name="html:time" as="item()*">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="ed:is-iso-date($iso)">
        <time datetime="{$iso}">{ed:format-date($iso)}</time>
      </xsl:when>
      <xsl:otherwise>{$iso}</xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
