# translates: bf53202a6e57f0b5
# 工具包网站的界面文字（简体中文）。
# 译者注意：每条消息左侧的名称（= 左边）保持不变，只翻译右侧文字。
# { $name } 由网站自动填入：请保留，可调整位置。以 # 开头的行为注释。

## 语言
# 本语言的名称，用本语言书写（显示在语言菜单中）。
language-name = 简体中文
choose-language = 选择语言

## 页面布局
skip-to-content = 跳至正文
main-navigation = 主导航
language-menu = 语言
breadcrumb = 当前位置
home = 首页
contents = 目录
sources = 参考文献
glossary = 术语表
case-studies = 案例研究
footer-about = 日内瓦安全部门治理中心（DCAF）与红十字国际委员会联合编制的工具包。
toolkit-short = 安全与人权工具包

## 标题
chapter-heading = 第{ $number }章 { $title }
section-heading = { $id } { $title }
challenge-heading = 挑战{ $id }
challenge-label = 挑战
good-practices = 良好做法
good-practice-number = 良好做法{ $number }
# 挑战的良好做法上方：可跳转至各项良好做法的列表。
practice-index = { $count }项良好做法一览
notes = 注释
note-call = 注{ $number }
back-to-text = 返回正文
statement-label = 挑战内容

## 列表与导航
sections-in-chapter = 各节
challenges-in-section = 挑战
forthcoming = 即将发布
forthcoming-section = 本节尚未发布。
previous-challenge = 上一项挑战
next-challenge = 下一项挑战
footer-offline = 工作地点没有网络？可将本工具包保存在此设备上。
on-this-page = 本页内容
back-to-top = 返回顶部
chapter-short = 第{ $number }章
pager = 上一页和下一页
previous-section = 上一节
next-section = 下一节
previous-chapter = 上一章
next-chapter = 下一章
chapter-forthcoming = 本章尚未发布。各节发布后将在此列出。
forthcoming-note = （即将发布）
print-chapter = 打印本章
no-case-studies = 暂无案例研究。
chapter-case-studies = 本章案例研究

## 提示
fallback-notice = 本页尚未译成中文，以下为英文原文。
fallback-notice-link = 打开英文页面
not-prescriptive-marker = *
outdated-notice = 本译文可能未反映英文原文的最新修改。
outdated-notice-link = 阅读英文页面

## 参考文献页
sources-intro = 本工具包所引用的文件。正文中的每一处引注（如“（VPs：4）”）均链接至本页；冒号后的数字表示所引文件的页码、段落或章节。
source-cited-in = 引用本文献的挑战
source-not-cited = 已发布的正文中尚未引用。
source-online = 在线阅读
source-key = 简称

## 案例研究
case-study-authors = 编写者
case-study-link = 全文链接
case-study-referred-from = 提及本案例研究的挑战

## 术语表
glossary-intro = 本工具包使用的缩略语和术语。
abbreviations = 缩略语
terms = 术语
term-in-english = 英文

## 引注与交叉引用
# 引注的外观：全角括号括住一条或多条引注。
cite-group = （{ $citations }）
# 同一括号内两条引注之间的分隔符。
cite-separator = ；
# 文件及其某一具名部分，如“CSBP，Flashpoint Issue 9”。
cite-part = { $source }，{ $part }
# 文件及其中的位置，如“VPs：4”。
cite-locator = { $source }：{ $locator }
cite-locator-separator = 、
ref-chapter = 第{ $number }章“{ $title }”
ref-section = 第{ $id }节“{ $title }”
ref-challenge = 挑战{ $id }
ref-good-practice = 挑战{ $id }第{ $number }项良好做法
ref-case-study = { $title }

## 搜索
search = 搜索
search-label = 搜索本工具包
search-placeholder = 例如：申诉机制
search-button = 搜索
search-results = { $count ->
    [0] 未找到与“{ $query }”相关的结果。
   *[other] 找到{ $count }条与“{ $query }”相关的结果。
}
search-filter-chapter = 按章筛选
search-all-chapters = 所有章节
search-filter-edition = 按版本筛选
search-all-editions = 所有版本（现行版本优先）
search-edition-current = { $name }（现行版本）
search-loading = 正在搜索……
search-needs-script = 搜索功能需要启用JavaScript。如未启用，请使用目录或术语表。
search-type-more = 请输入关键词，搜索挑战、良好做法、专栏、案例研究和参考文献。
search-kind-challenge = 挑战
search-kind-good-practice = 良好做法
search-kind-box = 专栏
search-kind-case-study = 案例研究
search-kind-source = 参考文献
search-some-words = 没有结果包含“{ $query }”中的所有词语；以下为包含其中部分词语的结果。
search-lacks = 未包含：{ $words }
search-did-you-mean = 您是不是要找“{ $suggestion }”？
search-unavailable = 搜索无法加载。请检查网络连接后重试。如需在无网络时搜索，请在首页使用“保存以便离线阅读”。
search-in-english = 在英文参考文本中搜索“{ $query }”
search-more = 显示更多结果
search-tips = 搜索提示
search-tip-spelling = 检查每个词语的拼写。
search-tip-fewer = 减少词语数量，或使用含义更宽泛的词语。
search-tip-phrase = 将需要完全匹配的短语放在双引号内，例如“使用武力”。
search-tip-glossary = 在术语表中查找术语或缩略语。

## 各章讲义（打印版）
handout-chapter = 第{ $number }章
handout-back = 返回本章
handout-tip = 本页面专为打印设计：请使用浏览器的打印命令（Ctrl+P或⌘P），或将其另存为PDF。
handout-language = 语言：{ $language }
handout-printed = 打印自网络版，打印日期：{ $date }
handout-contents = 目录
handout-sources = 所引文献
handout-notes = 注释
handout-page = 页码
# 交叉引用指向同一讲义中的内容时，其后所加的页码，如“参见挑战3.7.b，第6页”。
handout-page-ref = ，第{ $page }页
handout-print = 打印
handout-download = 下载PDF（{ $size } KB）
handout-publishers = 日内瓦安全部门治理中心（DCAF）与红十字国际委员会（ICRC）联合出版
handout-online = 网络版：
handout-running-head = { $chapter }（{ $edition }）
handout-back-edition = 返回本版目录
handout-later-edition = 本章已有更新版本：{ $edition }。
handout-later-edition-link = 打印该版本
# 日期，例如“2026年11月22日”。可用：{ $day } { $month } { $month-number } { $year }
date = { $year }年{ $month-number }月{ $day }日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## 翻译进度页（供译者使用）
status-title = 翻译进度
status-intro = 与英文原文相比，各语言版本中已翻译、缺失或已过时的内容。已过时：译文经核对（加盖时间戳）后，英文原文又有修改。在终端运行“toolkit i18n status”可获得相同的报告。
status-done = 已翻译且为最新：{ $percent }%
status-words = 约有{ $words }个英文单词有待翻译或审校。
status-translated = 已翻译
status-missing = 缺失
status-outdated = 已过时
status-kind = 工具包组成部分
status-out-of-step = 与英文原文不一致
status-all-done = 无待办事项：所有内容均已翻译且为最新。
status-summary = 概览（按英文单词计）
status-language = 语言
status-words-translated = 已翻译单词数
status-words-missing = 缺失单词数
status-words-outdated = 已过时单词数
status-words-total = 单词总数
status-no-history = 此处无法读取项目历史记录（git），例如以zip文件形式收到的副本。缺失内容和已过时文件的统计仍然准确，但无法显示英文原文的修改之处；对于界面文本，只能判断整个文件是否落后于英文原文。如需查看修改之处，请在项目的克隆副本（git clone）中工作。
status-group-challenges = 挑战
status-group-sections = 章和节
status-group-case-studies = 案例研究
status-group-boxes = 专栏
status-group-pages = 首页和术语表
status-group-sources = 文献
status-group-messages = 界面文本
status-item-challenge = 挑战{ $id }
status-item-section = 第{ $id }节
status-item-chapter = 第{ $id }章
status-item-box = 专栏{ $id }
status-item-case-study = 案例研究{ $id }
status-item-home = 首页
status-item-glossary = 术语表
status-item-source = 文献{ $id }
status-item-message = 界面文本{ $id }
status-item-messages = { $id }中的界面文本
status-why-changed = 此译文加盖时间戳后，英文原文有修改
status-why-not-stamped = 尚未加盖时间戳：对照英文原文核对后，请对该文件运行toolkit i18n stamp
status-why-not-a-stamp = 其时间戳并非由stamp命令写入，因此无法确定其对应的英文原文：请对照英文原文核对，然后对该文件运行toolkit i18n stamp
status-why-no-history = 此文件加盖时间戳后，英文文件有修改；没有项目历史记录，无法确定哪些文本有修改：请比较两个文件，然后对该文件运行toolkit i18n stamp
status-changes = 自加盖时间戳以来英文原文的修改（删除的单词加删除线，新增的单词加下划线）：
status-english-now = 当前英文文本
status-current-translation = 当前译文
status-open-page = 打开页面
footer-status = 翻译进度（供译者使用）

## 错误页
not-found-title = 未找到页面
not-found-text = 此页面不存在，可能已被移动。请选择语言，从目录重新开始。

## 一行中各部分之间的标点
# 标签与其文字之间，如“挑战2.1.a：企业可能……”。
label-separator = ：
# 列表各项之间，如“良好做法1、良好做法3”。
list-separator = 、
# 文献著录各部分（标题、出版者、年份）之间，以及最后一部分之后。
reference-separator = ，
reference-end = 。

## 离线阅读（首页）
offline-title = 离线阅读
# { $size }：例如“0.8 MB”。
offline-intro = 将中文版工具包保存到本设备（{ $size }），无需网络连接即可阅读和搜索。
offline-save = 保存以便离线阅读
offline-saving = 正在保存……第{ $done }个文件，共{ $total }个
offline-saved = 已保存到本设备：中文版工具包无需网络连接即可打开和搜索，并会在联网时自动更新。
offline-remove = 从本设备删除
offline-removed = 已从本设备删除。
offline-failed = 保存已中断，可能是网络连接已断开。请重试：已保存的内容将予以保留。
offline-page-title = 此页面无法离线阅读
offline-page-text = 当前没有网络连接，且本页面未保存在本设备上。您已打开过的页面以及从首页保存的语言版本可在无网络连接时阅读。
offline-page-home = 前往首页

source-title = 《{ $title }》
source-year = { $year }年
cited-practices = 良好做法

## 版本
edition-later-editions = 另已发布修订本版本部分内容的版本
edition-label = 版本：
edition-later-version = 本文已有更新版本：{ $edition }。
edition-later-version-link = 阅读更新版本
edition-earlier-version-link = 阅读本文在上一版本（{ $edition }）中的内容
edition-changes-link = 此后的变化
edition-contents-intro = 本版本修订了标有“已修订”的部分。其他部分自上一版本（{ $previous }）以来均未改动，并链接至相应页面。
edition-revised = 已修订
edition-unchanged = 自上一版本（{ $edition }）以来未改动
edition-print-chapter = 打印本版第{ $number }章
changes-heading = 挑战{ $id }的变化：{ $old } → { $new }
changes-practices = { $edition }：良好做法{ $numbers }
changes-reworded = { $count }项做法措辞修改
changes-new = { $count }项新增
changes-dropped = { $count }项删除
changes-merged = { $count }项由多项合并
changes-split = { $count }项拆分为多项
changes-moved = { $count }项位置调整
changes-unchanged = { $count }项未改动
changes-legend-removed = 删除的文字
changes-legend-added = 新增的文字
change-kind-unchanged = 未改动
change-kind-reworded = 措辞修改
change-kind-merged = 合并
change-kind-split = 拆分
change-kind-new = 新增
change-kind-dropped = 删除
change-kind-moved = 位置调整
