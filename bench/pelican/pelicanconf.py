# Minimal Pelican site equivalent to site-gen's pages and bench/hugo/: one page per notice, one index.
# Used through bench/pelican_bench.py; the content path, output path and cache options come from the command line.
SITENAME = "基准测试站点"
SITEURL = ""
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"

THEME = "theme"
PLUGIN_PATHS = ["."]
PLUGINS = ["yaml_front_matter"]  # YAML front-matter reader (bench/pelican/yaml_front_matter.py)
MARKDOWN = {
    "extensions": ["markdown.extensions.extra", "markdown.extensions.toc"],
    "extension_configs": {"markdown.extensions.toc": {"toc_depth": "2-3"}},  # Hugo's default TOC levels
    "output_format": "html5",
}
FORMATTED_FIELDS = []  # the summary is not shown, as in bench/hugo/

# Articles only: content/000/notice-00000.md -> 000/notice-00000/index.html, as Hugo lays it out.
SLUGIFY_SOURCE = "basename"
PATH_METADATA = r"(?P<folder>[^/]+)/"
ARTICLE_URL = "{folder}/{slug}/"
ARTICLE_SAVE_AS = "{folder}/{slug}/index.html"
PAGE_PATHS = []
STATIC_PATHS = []
THEME_STATIC_PATHS = []
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
