"""Content of the demo township sites: 城关镇 (all eight art. 12 categories) and 河西乡 (GBK, three of them).

Called by make_sites.py; both are judged with the county form.
"""

from __future__ import annotations

from crawler.demo.make_departments import Side, guide_body, home, online_application, report, sitemap
from crawler.demo.pages import Item, Site

PORTAL_LINK = ("云溪县人民政府", "http://www.yunxi.gov.cn/")

# 2008 Regulation art. 12: what a township discloses first.
CGZ_CATEGORIES: list[tuple[str, str, list[Item]]] = [
    ("nyzc", "贯彻落实农业农村政策", [Item("2026-10-16", "城关镇2026年耕地地力保护补贴发放公示"),
                                     Item("2026-06-08", "城关镇2026年农机购置补贴申报通知"),
                                     Item("2026-03-12", "城关镇2026年春耕生产工作方案")]),
    ("czsz", "财政收支及专项资金", [Item("2026-08-25", "城关镇2025年财政决算及2026年上半年财政收支情况"),
                                   Item("2026-07-15", "城关镇2026年上半年专项资金使用情况"),
                                   Item("2026-01-30", "城关镇2026年财政预算")]),
    ("tdgh", "土地利用总体规划及宅基地审核", [Item("2026-09-20", "城关镇2026年第三批农村宅基地审批结果公示"),
                                           Item("2026-05-14", "城关镇村庄规划（2021—2035年）公示")]),
    ("zdbc", "征地补偿", [Item("2026-10-09", "城关镇东环路建设项目征地补偿安置方案公告"),
                          Item("2026-04-16", "城关镇2026年第一批次征地补偿款发放情况")]),
    ("zqzw", "债权债务及筹资筹劳", [Item("2026-07-30", "城关镇2026年村级一事一议筹资筹劳项目公示"),
                                   Item("2026-02-28", "城关镇2025年度镇级债权债务情况")]),
    ("jzjj", "救灾救济、优抚、低保", [Item("2026-11-05", "城关镇2026年11月城乡低保金发放名单"),
                                     Item("2026-08-18", "城关镇2026年优抚对象补助发放情况"),
                                     Item("2026-07-24", "城关镇“7·20”暴雨灾害救灾物资发放情况")]),
    ("jtqy", "集体企业承包租赁", [Item("2026-06-22", "城关镇集体所有资产租赁结果公示"),
                                 Item("2026-03-26", "城关镇集体砖厂承包经营合同续签公示")]),
    ("jhsy", "计划生育", [Item("2026-09-28", "城关镇2026年计划生育家庭奖励扶助对象公示"),
                          Item("2026-04-10", "城关镇2026年计划生育特别扶助金发放情况")]),
]
HXX_CATEGORIES: list[tuple[str, str, list[Item]]] = [  # the other five categories are missing (C11 partial)
    ("nyzc", "贯彻落实农业农村政策", [Item("2026-10-20", "河西乡2026年柑橘产业扶持资金发放公示"),
                                     Item("2026-04-12", "河西乡2026年耕地地力保护补贴发放公示")]),
    ("czsz", "财政收支及专项资金", [Item("2026-08-28", "河西乡2026年上半年财政收支情况"),
                                   Item("2026-02-06", "河西乡2026年财政预算")]),
    ("jzjj", "救灾救济、优抚、低保", [Item("2026-10-15", "河西乡2026年第三季度低保金发放情况"),
                                     Item("2026-07-26", "河西乡“7.20”暴雨灾害救灾资金发放情况")]),
]


def _categories(s: Site, categories: list[tuple[str, str, list[Item]]], crumbs: tuple[tuple[str, str], ...],
                side: Side) -> None:
    for slug, name, items in categories:
        s.column(f"/zwgk/{slug}/", name, items, crumbs=crumbs, side=side)


def build_cgz() -> None:
    s = Site(host="cgz.yunxi.gov.cn", name="云溪县城关镇人民政府", org="城关镇人民政府", idcode="4299990011",
             phone="0799-6141001",
             nav=[("首页", "/"), ("走进城关", "/zjcg/"), ("政务公开", "/zwgk/"), ("办事服务", "/bsfw/"), ("公共服务", "/ggfw/"),
                  ("互动交流", "/hdjl/"), PORTAL_LINK], icp="示ICP备12003456号-11", police="示公网安备 42999902000111号")
    s.write_css()
    side: Side = ("政务公开", [("政府信息公开指南", "/zwgk/gkzn/"),
                               *[(name, f"/zwgk/{slug}/") for slug, name, _ in CGZ_CATEGORIES],
                               ("政府信息公开年报", "/zwgk/ndbg/"), ("依申请公开", "/zwgk/ysqgk/")])
    crumbs = (("政务公开", "/zwgk/"),)
    s.single("/zwgk/gkzn/", Item("2026-01-18", "城关镇人民政府政府信息公开指南", body=guide_body(
        s.org, "城关镇党政综合办公室", "云溪县城关镇人民路66号镇政府1楼", s.phone, "cgzdzb@yunxi.gov.cn")),
        crumbs=crumbs, side=side, column="政府信息公开指南")
    _categories(s, CGZ_CATEGORIES, crumbs, side)
    s.column("/zwgk/ndbg/", "政府信息公开年报",
             [report("城关镇人民政府", 2025, "2026-03-15", "城关镇党政综合办公室", s.phone, (236, 3, 3, 0))],
             crumbs=crumbs, side=side)
    online_application(s, "/zwgk/ysqgk/", crumbs, side)
    s.page("/zwgk/index.html", "政务公开", "<h2>政务公开</h2><ul class=\"list\">" + "".join(
        f'<li><a href="{h}">{label}</a></li>' for label, h in side[1]) + "</ul>", column="政务公开", side=side)
    services = [Item("2026-03-05", "城关镇村（社区）便民服务点名录"),
                Item("2026-02-20", "城关镇便民服务中心服务指南", body="""<p>地址：城关镇人民路66号镇政府1楼　电话：0799-6141001</p>
<p>办公时间：周一至周五8:30—12:00，14:30—17:30。</p>
<p>服务事项：社会保障、社会救助、计划生育、农村土地、残疾人服务、农业服务等6类32项，实行一窗受理、集中办理。</p>
<p>本指南纸质版在便民服务中心免费领取。</p>""")]
    s.column("/bsfw/", "办事服务", services)
    public = [Item("2026-05-01", "城关镇综合文化站开放时间"), Item("2026-04-01", "城关镇老年人优待服务指南")]
    s.column("/ggfw/", "公共服务", public)
    letters = [Item("2026-10-21", "关于人民路菜市场周边环境卫生的回复"), Item("2026-08-16", "关于东环路施工噪音问题的回复")]
    s.column("/hdjl/", "互动交流", letters, intro="<p>镇长信箱：cgzzzxx@yunxi.gov.cn</p>")
    s.single("/zjcg/", Item("2026-01-18", "走进城关", body="<p>城关镇是云溪县政治、经济、文化中心，辖12个社区、14个行政村。</p>"),
             column="走进城关")
    sitemap(s, side)
    home(s, [("政务公开", "/zwgk/jzjj/", CGZ_CATEGORIES[5][2]), ("办事服务", "/bsfw/", services)])


def build_hxx() -> None:
    s = Site(host="hxx.yunxi.gov.cn", name="云溪县河西乡人民政府", org="河西乡人民政府", idcode="4299990012",
             phone="0799-6152001", nav=[("首页", "/"), ("乡情介绍", "/xqjs/"), ("政务公开", "/zwgk/"), ("新闻动态", "/xwdt/"),
                                         PORTAL_LINK],
             encoding="gb2312", date_style="paren", pubdate_meta=False,
             icp="示ICP备12003456号-12", police="示公网安备 42999902000112号")
    s.write_css()
    side: Side = ("政务公开", [(name, f"/zwgk/{slug}/") for slug, name, _ in HXX_CATEGORIES])
    _categories(s, HXX_CATEGORIES, (("政务公开", "/zwgk/"),), side)
    s.page("/zwgk/index.html", "政务公开", "<h2>政务公开</h2><ul class=\"list\">" + "".join(
        f'<li><a href="{h}">{label}</a></li>' for label, h in side[1]) + "</ul>", column="政务公开", side=side)
    news = [Item("2026-10-30", "河西乡柑橘产业迎来丰收季"), Item("2026-09-22", "河西乡完成农村公路安全隐患排查"),
            Item("2026-06-15", "河西乡开展防汛应急演练")]
    s.column("/xwdt/", "新闻动态", news)
    s.single("/xqjs/", Item("2025-12-01", "乡情介绍", body="<p>河西乡位于云溪县西部，辖22个行政村，盛产柑橘。</p>"),
             column="乡情介绍")
    sitemap(s, side)
    home(s, [("新闻动态", "/xwdt/", news), ("政务公开", "/zwgk/jzjj/", HXX_CATEGORIES[2][2])])


def build_townships() -> None:
    build_cgz()
    build_hxx()
