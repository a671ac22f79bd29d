"""Content of the demo department sites: 教育局, 财政局 (GBK), 卫生健康局 and the 生态环境局 folder sub-site.

Called by make_sites.py. 县司法局 (sfj.yunxi.gov.cn) is linked from the portal but has no folder: it is dead.
"""

from __future__ import annotations

from crawler.demo import make_documents as docs
from crawler.demo.pages import Item, Site, annual_report_body

PROVINCE_HALL = "http://zwfw.example-province.gov.cn/"
PORTAL_LINK = ("云溪县人民政府", "http://www.yunxi.gov.cn/")
Side = tuple[str, list[tuple[str, str]]]


def budget_body(org: str, year: int, total: float, three: tuple[float, float, float]) -> str:
    """A 部门预算 page: totals and the 三公经费 budget (abroad, vehicles, receptions), in 万元."""
    abroad, cars, hosting = three
    return f"""<p>根据预算公开有关规定，现将{org}{year}年部门预算公开如下。</p>
<h3>一、部门预算收支总体情况</h3>
<p>{year}年{org}收入预算{total:.2f}万元，全部为一般公共预算财政拨款；支出预算{total:.2f}万元，其中基本支出{total * 0.76:.2f}万元，项目支出{total * 0.24:.2f}万元。</p>
<h3>二、“三公”经费预算情况说明（三公经费）</h3>
<p>{year}年“三公”经费财政拨款预算{abroad + cars + hosting:.2f}万元，其中：因公出国（境）费{abroad:.2f}万元，公务用车购置及运行维护费{cars:.2f}万元，公务接待费{hosting:.2f}万元。</p>
<h3>三、政府采购预算情况</h3>
<p>{year}年政府采购预算{total * 0.05:.2f}万元。</p>"""


def accounts_body(org: str, year: int, total: float, three: tuple[float, float, float]) -> str:
    """A 部门决算 page: totals and the 三公经费 actually spent, in 万元."""
    abroad, cars, hosting = three
    return f"""<p>根据决算公开有关规定，现将{org}{year}年度部门决算公开如下。</p>
<h3>一、收入支出决算总体情况</h3>
<p>{year}年度{org}本年收入{total:.2f}万元，本年支出{total * 0.99:.2f}万元。</p>
<h3>二、“三公”经费财政拨款支出决算情况说明（三公经费）</h3>
<p>{year}年度“三公”经费财政拨款支出{abroad + cars + hosting:.2f}万元，其中：因公出国（境）费{abroad:.2f}万元，公务用车购置及运行维护费{cars:.2f}万元，公务接待费{hosting:.2f}万元，均控制在预算以内。</p>"""


def guide_body(org: str, office: str, address: str, phone: str, email: str) -> str:
    return f"""<p>为便于公民、法人和其他组织获取{org}政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>
<h3>一、工作机构</h3>
<p>{office}负责本单位政府信息公开日常工作，具体职责为：组织编制政府信息公开指南和目录，受理政府信息公开申请，编制政府信息公开工作年度报告。</p>
<p>办公地址：{address}</p>
<p>办公时间：周一至周五上午8:30—12:00，下午14:30—17:30（法定节假日除外）</p>
<p>联系电话：{phone}</p>
<p>电子邮箱：{email}</p>
<h3>二、依申请公开</h3>
<p>申请人可以通过信函、当面或网上方式提出申请，本单位自收到申请之日起15个工作日内予以答复。</p>"""


def report(org: str, year: int, date: str, office: str, phone: str, numbers: tuple[int, int, int, int],
           list_title: str | None = None) -> Item:
    return Item(date, f"{org}{year}年政府信息公开工作年度报告", list_title=list_title,
                body=annual_report_body(org, year, office, phone, numbers))


def online_application(s: Site, base: str, crumbs: tuple[tuple[str, str], ...], side: Side) -> None:
    s.page(f"{base}index.html", "依申请公开", f"""<h2>依申请公开</h2>
<p>受理机构：{s.org}办公室　联系电话：{s.phone}</p>
<p>申请方式：<a href="{s.href(base)}zxsq.html">在线申请</a>、信函申请、当面申请。</p>
<p>答复期限：自收到申请之日起15个工作日内答复。</p>""", column="依申请公开", crumbs=crumbs, side=side)
    s.page(f"{base}zxsq.html", "政府信息公开在线申请", f"""<h2>政府信息公开在线申请</h2>
<form action="{s.href(base)}tj.html" method="post"><p>姓名/名称：<input name="xm"></p><p>联系电话：<input name="dh"></p>
<p>所需信息的内容描述：<textarea name="nr"></textarea></p><p><button type="submit">提交申请</button></p></form>""",
           column="依申请公开", crumbs=(*crumbs, ("依申请公开", base)), side=side)


def home(s: Site, blocks: list[tuple[str, str, list[Item]]], extra: str = "") -> None:
    html = "".join(
        f'<div class="block"><h2>{name}<a href="{s.href(path)}" class="more">更多</a></h2><ul class="list">'
        + "".join(f'<li><a href="{s.href(path)}{it.url}">{it.title}</a><span>{s.list_date(it.date)}</span></li>'
                  for it in items[:5]) + "</ul></div>" for name, path, items in blocks)
    s.page("/index.html", s.name, html + extra, meta={"ColumnName": "首页"})


def sitemap(s: Site, side: Side) -> None:
    links = "".join(f'<li><a href="{s.href(h) if h.startswith("/") else h}">{label}</a></li>'
                    for label, h in s.nav[1:] + side[1])
    s.page("/wzdt/index.html", "网站地图", f"<h2>网站地图</h2><ul>{links}</ul>", column="网站地图")


def build_columns(s: Site, columns: list[tuple[str, str, list[Item] | Item]], crumbs: tuple[tuple[str, str], ...],
                  side: Side) -> None:
    """Writes list columns; an Item instead of a list is a one-page column (指南, 机构职能)."""
    for path, name, content in columns:
        if isinstance(content, Item):
            s.single(path, content, crumbs=crumbs, side=side, column=name)
        else:
            s.column(path, name, content, crumbs=crumbs, side=side)


# ==== jyj.yunxi.gov.cn: 云溪县教育局 — budget 2026 yes, final accounts 2025 missing (D08 partial) ========

def build_jyj() -> None:
    s = Site(host="jyj.yunxi.gov.cn", name="云溪县教育局", org="云溪县教育局", idcode="4299990003", phone="0799-6231201",
             nav=[("首页", "/"), ("机构概况", "/jggk/"), ("政务公开", "/zwgk/"), ("信息发布", "/xxfb/"), ("办事服务", "/bsfw/"),
                  PORTAL_LINK], icp="示ICP备12003456号-3", police="示公网安备 42999902000103号")
    s.write_css()
    side: Side = ("政务公开", [("政府信息公开指南", "/zwgk/gkzn/"), ("政府信息公开制度", "/zwgk/gkzd/"),
                               ("机构职能", "/zwgk/jgzn/"), ("政策文件", "/zwgk/zcwj/"), ("规划计划", "/zwgk/ghjh/"),
                               ("财政预决算", "/zwgk/czyjs/"), ("统计信息", "/zwgk/tjxx/"),
                               ("政府信息公开年报", "/zwgk/ndbg/"), ("依申请公开", "/zwgk/ysqgk/")])
    crumbs = (("政务公开", "/zwgk/"),)
    org, office = s.org, "云溪县教育局办公室"
    guide = Item("2026-01-08", "云溪县教育局政府信息公开指南",
                 body=guide_body(org, office, "云溪县城关镇文化路16号县教育局2楼201室", s.phone, "jyjbgs@yunxi.gov.cn"),
                 attachments=((docs.JYJ_GUIDE_DOCX, "云溪县教育局政府信息公开指南（Word版）"),))
    build_columns(s, [
        ("/zwgk/gkzn/", "政府信息公开指南", guide),
        ("/zwgk/gkzd/", "政府信息公开制度", [Item("2026-01-08", "云溪县教育局政府信息依申请公开工作制度", body=(
            "<p>一、局办公室统一受理政府信息公开申请，登记后转相关股室办理。</p>"
            "<p>二、相关股室应在10个工作日内提出答复意见，由局办公室在15个工作日内答复申请人。</p>"
            "<p>三、答复书应告知救济途径，办理材料归档保存。</p>"))]),
        ("/zwgk/jgzn/", "机构职能", Item("2026-01-08", "云溪县教育局机构职能", body=(
            "<p>主要职责：贯彻执行国家教育方针政策，统筹全县各级各类教育发展，管理全县教育经费和教师队伍。</p>"
            "<p>内设机构：办公室、基础教育股、计划财务股、人事股、安全股。</p><p>局长：王建华</p>"))),
        ("/zwgk/zcwj/", "政策文件", [
            Item("2026-10-12", "云溪县教育局关于做好2026年冬季学校安全工作的通知"),
            Item("2026-08-20", "云溪县2026年义务教育学校招生入学工作实施细则"),
            Item("2026-03-02", "云溪县教育局关于调整政务公开工作领导小组成员的通知", body="""<p>局属各单位、机关各股室：</p>
<p>因人事变动，经局党组研究，决定调整局政务公开工作领导小组成员。调整后名单如下：</p>
<p>组　长：王建华　局长</p><p>副组长：孙丽　副局长</p><p>成　员：办公室、基础教育股、计划财务股、人事股负责人。</p>
<p>领导小组办公室设在局办公室，负责日常工作。</p><p style="text-align:right">云溪县教育局<br>2026年3月2日</p>"""),
            Item("2026-02-18", "云溪县教育局2026年工作要点"),
        ]),
        ("/zwgk/ghjh/", "规划计划", [Item("2026-02-25", "云溪县教育局2026年度工作计划"),
                                   Item("2026-01-20", "云溪县教育事业发展“十五五”规划")]),
        ("/zwgk/czyjs/", "财政预决算", [  # no 2025 决算: only the 2024 one, last year's
            Item("2026-02-10", "云溪县教育局2026年部门预算公开", body=budget_body(org, 2026, 18650.40, (0, 12.60, 3.80))),
            Item("2025-08-20", "云溪县教育局2024年部门决算公开", body=accounts_body(org, 2024, 17980.25, (0, 11.90, 3.52))),
            Item("2025-02-12", "云溪县教育局2025年部门预算公开", body=budget_body(org, 2025, 18120.00, (0, 12.80, 4.00))),
        ]),
        ("/zwgk/tjxx/", "统计信息", [Item("2026-09-30", "云溪县2026年秋季学期学校基本情况统计"),
                                   Item("2026-04-15", "云溪县2025年教育事业统计公报")]),
        ("/zwgk/ndbg/", "政府信息公开年报", [
            report(org, 2025, "2026-03-10", office, s.phone, (412, 6, 5, 0), list_title="2025年度政府信息公开工作年度报告"),
            report(org, 2024, "2025-03-12", office, s.phone, (388, 4, 4, 0), list_title="2024年度政府信息公开工作年度报告"),
        ]),
    ], crumbs, side)
    online_application(s, "/zwgk/ysqgk/", crumbs, side)
    s.page("/zwgk/index.html", "政务公开", "<h2>政务公开</h2><ul class=\"list\">" + "".join(
        f'<li><a href="{h}">{label}</a></li>' for label, h in side[1]) + "</ul>", column="政务公开", side=side)

    info_side: Side = ("信息发布", [("通知公告", "/xxfb/tzgg/"), ("教育动态", "/xxfb/jydt/")])
    notices = [Item("2026-11-13", "关于2026年下半年中小学教师资格认定工作的公告"),
               Item("2026-10-08", "云溪县2026年秋季学期义务教育阶段学生资助资金发放公示"),
               Item("2026-07-15", "云溪县2026年中考录取分数线公告"),
               Item("2026-06-20", "云溪县2026年公开招聘中小学教师公告")]
    news = [Item("2026-11-14", "县教育局开展冬季校园安全大检查"), Item("2026-10-26", "云溪县举行2026年中小学生田径运动会"),
            Item("2026-09-10", "全县庆祝第42个教师节"), Item("2026-09-01", "全县中小学平稳有序开学"),
            Item("2026-06-28", "县教育局部署2026年中考考务工作")]
    s.column("/xxfb/tzgg/", "通知公告", notices, crumbs=(("信息发布", "/xxfb/"),), side=info_side)
    s.column("/xxfb/jydt/", "教育动态", news, crumbs=(("信息发布", "/xxfb/"),), side=info_side)
    s.page("/xxfb/index.html", "信息发布", "<h2>信息发布</h2><ul class=\"list\"><li><a href=\"/xxfb/tzgg/\">通知公告</a></li>"
           "<li><a href=\"/xxfb/jydt/\">教育动态</a></li></ul>", column="信息发布", side=info_side)

    services = [("教师资格认定", "20个工作日", "申请表、身份证、学历证书、体检合格证明", "4299004"),
                ("民办学校设立审批", "30个工作日", "申办报告、举办者资质证明、校舍证明", "4299011"),
                ("校车使用许可", "20个工作日", "申请表、校车标牌申领材料、驾驶人资格证明", "4299012"),
                ("家庭经济困难学生资助申请", "15个工作日", "申请表、家庭经济困难认定材料", "4299013")]
    s.column("/bsfw/", "办事服务", [
        Item("2026-01-15", f"{name}办事指南", body=f"""<table><tr><th>事项名称</th><td>{name}</td></tr>
<tr><th>办理时限</th><td>{limit}</td></tr><tr><th>申请材料</th><td>{materials}</td></tr>
<tr><th>办理地点</th><td>云溪县政务服务中心2楼教育窗口</td></tr>
<tr><th>网上办理</th><td><a href="{PROVINCE_HALL}item/{code}.html" target="_blank">在线办理</a></td></tr></table>""")
        for name, limit, materials, code in services])
    s.single("/jggk/", Item("2026-01-08", "机构概况", body="<p>云溪县教育局是县人民政府工作部门，主管全县教育工作。</p>"
                                                   "<p>地址：云溪县城关镇文化路16号</p>"), column="机构概况")
    sitemap(s, side)
    home(s, [("通知公告", "/xxfb/tzgg/", notices), ("教育动态", "/xxfb/jydt/", news)],
         '<div class="block"><h2>政务公开</h2><ul class="list"><li><a href="/zwgk/gkzn/">政府信息公开指南</a></li>'
         '<li><a href="/zwgk/czyjs/">财政预决算</a></li><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li>'
         '<li><a href="/zwgk/ysqgk/">依申请公开</a></li></ul></div>')


# ==== czj.yunxi.gov.cn: 云溪县财政局 — GBK, full columns, report late (2026-04-15) ==========================

def build_czj() -> None:
    s = Site(host="czj.yunxi.gov.cn", name="云溪县财政局", org="云溪县财政局", idcode="4299990004", phone="0799-6125008",
             nav=[("首页", "/"), ("机构设置", "/jgsz/"), ("政务公开", "/zwgk/"), ("信息发布", "/xxfb/"), PORTAL_LINK],
             encoding="gbk", date_style="bracket", pubdate_meta=False,
             icp="示ICP备12003456号-4", police="示公网安备 42999902000104号")
    s.write_css()
    side: Side = ("政务公开", [("政府信息公开指南", "/zwgk/gkzn/"), ("政府信息公开制度", "/zwgk/gkzd/"),
                               ("机构职能", "/zwgk/jgzn/"), ("政策文件", "/zwgk/zcwj/"), ("财政预决算", "/zwgk/czyjs/"),
                               ("财政数据", "/zwgk/czsj/"), ("政府信息公开年报", "/zwgk/ndbg/"),
                               ("依申请公开", "/zwgk/ysqgk/")])
    crumbs = (("政务公开", "/zwgk/"),)
    org, office = s.org, "云溪县财政局办公室"
    rules = [("依申请公开办理制度", "统一受理、登记、办理和答复政府信息公开申请，答复期限为15个工作日。"),
             ("保密审查制度", "政府信息公开前由承办股室初审、分管领导复审，坚持“先审查、后公开”。"),
             ("信息发布协调制度", "发布涉及其他行政机关的政府信息，应当与有关行政机关沟通确认。"),
             ("工作考核制度", "每年对各股室政府信息公开工作进行考核，考核结果作为评先评优的依据。"),
             ("社会评议制度", "每年通过问卷和座谈会方式，邀请群众代表对本局政府信息公开工作进行评议。"),
             ("责任追究制度", "对不依法履行政府信息公开义务的，依照有关规定追究责任。")]
    build_columns(s, [
        ("/zwgk/gkzn/", "政府信息公开指南", Item("2026-01-12", "云溪县财政局政府信息公开指南", body=guide_body(
            org, office, "云溪县城关镇人民路102号财政局大楼4楼", s.phone, "czjbgs@yunxi.gov.cn"))),
        ("/zwgk/gkzd/", "政府信息公开制度", [Item("2026-01-12", f"云溪县财政局政府信息公开{name}", body=f"<p>{text}</p>")
                                          for name, text in rules]),
        ("/zwgk/jgzn/", "机构职能", Item("2026-01-12", "云溪县财政局机构职能", body=(
            "<p>主要职责：拟订全县财政发展规划和政策，编制县级预决算草案并组织执行，管理县级政府采购和国有资产。</p>"
            "<p>内设机构：办公室、预算股、国库股、综合股、农业股、政府采购管理股。</p>"))),
        ("/zwgk/zcwj/", "政策文件", [Item("2026-09-18", "云溪县财政局关于做好2026年度预算执行工作的通知"),
                                   Item("2026-05-22", "云溪县县级财政专项资金管理办法"),
                                   Item("2026-03-10", "云溪县财政局关于印发《政府采购内部控制管理办法》的通知")]),
        ("/zwgk/czyjs/", "财政预决算", [
            Item("2026-08-15", "云溪县财政局2025年部门决算公开", body=accounts_body(org, 2025, 1303.52, (0, 6.85, 2.36)),
                 attachments=((docs.CZJ_ACCOUNTS_XLSX, "云溪县财政局2025年部门决算公开表（Excel）"),)),
            Item("2026-02-05", "云溪县财政局2026年部门预算公开", body=budget_body(org, 2026, 1318.60, (0, 7.20, 2.50))),
            Item("2025-08-18", "云溪县财政局2024年部门决算公开", body=accounts_body(org, 2024, 1275.30, (0, 7.05, 2.61))),
            Item("2025-02-08", "云溪县财政局2025年部门预算公开", body=budget_body(org, 2025, 1290.00, (0, 7.50, 2.80))),
        ]),
        ("/zwgk/czsj/", "财政数据", [Item("2026-11-12", "2026年1—10月全县财政收支情况"),
                                   Item("2026-10-15", "2026年1—9月全县财政收支情况"),
                                   Item("2026-09-12", "2026年1—8月全县财政收支情况")]),
        ("/zwgk/ndbg/", "政府信息公开年报", [  # 2025's is late: 2026-04-15, after 31 March
            report(org, 2025, "2026-04-15", office, s.phone, (265, 3, 3, 0)),
            report(org, 2024, "2025-03-20", office, s.phone, (248, 2, 2, 0)),
        ]),
    ], crumbs, side)
    s.page("/zwgk/ysqgk/index.html", "依申请公开", f"""<h2>依申请公开</h2>
<p>受理机构：{office}　地址：云溪县城关镇人民路102号财政局大楼4楼　电话：{s.phone}</p>
<p>申请方式：信函申请、当面申请或发送电子邮件至czjbgs@yunxi.gov.cn。政府信息公开申请表可在本局办公室领取。</p>
<p>答复期限：自收到申请之日起15个工作日内答复。</p>""", column="依申请公开", crumbs=crumbs, side=side)
    s.page("/zwgk/index.html", "政务公开", "<h2>政务公开</h2><ul class=\"list\">" + "".join(
        f'<li><a href="{h}">{label}</a></li>' for label, h in side[1]) + "</ul>", column="政务公开", side=side)
    info_side: Side = ("信息发布", [("通知公告", "/xxfb/tzgg/"), ("工作动态", "/xxfb/gzdt/")])
    notices = [Item("2026-11-05", "关于开展2026年度会计人员继续教育的通知"),
               Item("2026-09-02", "云溪县2026年耕地地力保护补贴资金发放公示"),
               Item("2026-06-10", "关于做好2025年度行政事业单位国有资产报告编报工作的通知")]
    news = [Item("2026-11-06", "县财政局完成2026年第三季度惠农补贴发放"), Item("2026-10-20", "县财政局开展财会监督专项检查"),
            Item("2026-08-05", "县财政局组织政府采购业务培训"), Item("2026-06-18", "县财政局推进预算管理一体化建设")]
    s.column("/xxfb/tzgg/", "通知公告", notices, crumbs=(("信息发布", "/xxfb/"),), side=info_side)
    s.column("/xxfb/gzdt/", "工作动态", news, crumbs=(("信息发布", "/xxfb/"),), side=info_side)
    s.page("/xxfb/index.html", "信息发布", "<h2>信息发布</h2><ul class=\"list\"><li><a href=\"/xxfb/tzgg/\">通知公告</a></li>"
           "<li><a href=\"/xxfb/gzdt/\">工作动态</a></li></ul>", column="信息发布", side=info_side)
    s.single("/jgsz/", Item("2026-01-12", "机构设置", body="<p>局长：周建国　副局长：吴芳、郑海</p>"
                                                  "<p>内设机构：办公室、预算股、国库股、综合股、农业股、政府采购管理股。</p>"),
             column="机构设置")
    sitemap(s, side)
    home(s, [("通知公告", "/xxfb/tzgg/", notices), ("工作动态", "/xxfb/gzdt/", news)],
         '<div class="block"><h2>财政预决算</h2><ul class="list"><li><a href="/zwgk/czyjs/">部门预决算</a></li>'
         '<li><a href="/zwgk/czsj/">财政数据</a></li></ul></div>')


# ==== wjw.yunxi.gov.cn: 云溪县卫生健康局 — no budget anywhere, only the 2023 report =========================

def build_wjw() -> None:
    s = Site(host="wjw.yunxi.gov.cn", name="云溪县卫生健康局", org="云溪县卫生健康局", idcode="4299990005",
             phone="0799-6128801",
             nav=[("首页", "/"), ("机构概况", "/jggk/"), ("政务公开", "/zwgk/"), ("卫健动态", "/wjdt/"), ("办事指南", "/bszn/"),
                  PORTAL_LINK], icp="示ICP备12003456号-5", police="示公网安备 42999902000105号")
    s.write_css()
    side: Side = ("政务公开", [("政府信息公开指南", "/zwgk/gkzn/"), ("规范性文件", "/zwgk/gfxwj/"),
                               ("卫生健康规划", "/zwgk/ghjh/"), ("统计信息", "/zwgk/tjxx/"),
                               ("政府信息公开年报", "/zwgk/ndbg/"), ("依申请公开", "/zwgk/ysqgk/")])
    crumbs = (("政务公开", "/zwgk/"),)
    org = s.org
    build_columns(s, [
        ("/zwgk/gkzn/", "政府信息公开指南", Item("2021-06-15", "云溪县卫生健康局政府信息公开指南", body=(
            "<p>为便于公民、法人和其他组织获取本局政府信息，编制本指南。</p>"
            f"<p>本局政府信息公开工作由局办公室负责，联系电话：{s.phone}。</p>"))),
        ("/zwgk/gfxwj/", "规范性文件", [Item("2026-09-05", "云溪县卫生健康局关于做好2026年秋冬季传染病防控工作的通知"),
                                     Item("2026-05-16", "云溪县家庭医生签约服务实施方案（2026年版）"),
                                     Item("2026-03-08", "云溪县卫生健康局关于规范基层医疗机构药品采购的通知")]),
        ("/zwgk/ghjh/", "卫生健康规划", [Item("2026-01-22", "云溪县“十五五”卫生健康事业发展规划")]),
        ("/zwgk/tjxx/", "统计信息", [Item("2024-05-20", "云溪县2023年卫生健康事业发展统计公报"),
                                   Item("2024-02-10", "云溪县2023年医疗机构服务情况统计")]),
        ("/zwgk/ndbg/", "政府信息公开年报", [report(org, 2023, "2024-03-28", "云溪县卫生健康局办公室", s.phone, (156, 2, 2, 0))]),
    ], crumbs, side)
    s.page("/zwgk/ysqgk/index.html", "依申请公开", f"""<h2>依申请公开</h2>
<p>申请人可以通过信函或当面方式向本局提出政府信息公开申请。</p>
<p>地址：云溪县城关镇健康路12号县卫生健康局办公室　电话：{s.phone}</p>""", column="依申请公开", crumbs=crumbs, side=side)
    s.page("/zwgk/index.html", "政务公开", "<h2>政务公开</h2><ul class=\"list\">" + "".join(
        f'<li><a href="{h}">{label}</a></li>' for label, h in side[1]) + "</ul>", column="政务公开", side=side)
    news = [Item("2026-11-11", "县卫生健康局部署冬春季流感防控工作"), Item("2026-10-24", "县卫生健康局开展基层医疗机构服务能力提升培训"),
            Item("2026-09-19", "全县启动2026年适龄女生HPV疫苗免费接种"), Item("2026-07-08", "县人民医院新院区正式启用"),
            Item("2026-05-31", "县卫生健康局开展世界无烟日宣传活动")]
    s.column("/wjdt/", "卫健动态", news)
    services = [("医师执业注册", "20个工作日"), ("医疗机构执业登记", "30个工作日"), ("公共场所卫生许可", "20个工作日")]
    guides = [Item("2026-02-10", f"{name}办事指南", body=f"<p>办理时限：{limit}</p><p>办理地点：云溪县政务服务中心2楼卫生健康窗口</p>")
              for name, limit in services]
    s.column("/bszn/", "办事指南", guides)
    s.single("/jggk/", Item("2025-03-01", "机构概况", body="<p>云溪县卫生健康局是县人民政府工作部门，主管全县卫生健康工作。</p>"),
             column="机构概况")
    sitemap(s, side)
    home(s, [("卫健动态", "/wjdt/", news), ("办事指南", "/bszn/", guides)],
         '<div class="block"><h2>政务公开</h2><ul class="list"><li><a href="/zwgk/">政务公开</a></li></ul></div>')


# ==== www.yunxi.gov.cn/bm/sthjj/: 云溪县生态环境局, a folder sub-site of the portal =======================

def build_sthjj() -> None:
    s = Site(host="www.yunxi.gov.cn", prefix="/bm/sthjj", name="云溪县生态环境局", org="云溪县生态环境局",
             idcode="4299990001", phone="0799-6127301",
             nav=[("首页", "/"), ("政务公开", "/zwgk/"), ("通知公告", "/tzgg/"), ("环保动态", "/hbdt/"), PORTAL_LINK])
    side: Side = ("政务公开", [("政府信息公开指南", "/zwgk/gkzn/"), ("机构职能", "/zwgk/jgzn/"), ("政策文件", "/zwgk/zcwj/"),
                               ("财政预决算", "/zwgk/czyjs/"), ("环境质量", "/zwgk/hjzl/"),
                               ("政府信息公开年报", "/zwgk/ndbg/"), ("依申请公开", "/zwgk/ysqgk/")])
    crumbs = (("政务公开", "/zwgk/"),)
    org = s.org
    build_columns(s, [
        ("/zwgk/gkzn/", "政府信息公开指南", Item("2026-01-05", "云溪县生态环境局政府信息公开指南", body=guide_body(
            org, "云溪县生态环境局办公室", "云溪县城关镇滨江路25号", s.phone, "sthjj@yunxi.gov.cn"))),
        ("/zwgk/jgzn/", "机构职能", Item("2026-01-05", "云溪县生态环境局机构职能", body=(
            "<p>主要职责：负责全县生态环境监督管理，组织开展环境监测，查处环境违法行为。</p>"))),
        ("/zwgk/zcwj/", "政策文件", [Item("2026-07-08", "云溪县2026年大气污染防治工作方案"),
                                   Item("2026-03-25", "云溪县生态环境局行政处罚自由裁量权基准")]),
        ("/zwgk/czyjs/", "财政预决算", [
            Item("2026-08-28", "云溪县生态环境局2025年部门决算", body=accounts_body(org, 2025, 685.40, (0, 4.10, 1.05))),
            Item("2026-02-12", "云溪县生态环境局2026年部门预算", body=budget_body(org, 2026, 702.80, (0, 4.50, 1.20))),
        ]),
        ("/zwgk/hjzl/", "环境质量", [Item("2026-11-09", "云溪县2026年10月环境空气质量月报"),
                                   Item("2026-10-10", "云溪县2026年9月环境空气质量月报"),
                                   Item("2026-09-08", "云溪县2026年8月环境空气质量月报")]),
        ("/zwgk/ndbg/", "政府信息公开年报", [report(org, 2025, "2026-02-20", "云溪县生态环境局办公室", s.phone,
                                              (198, 2, 2, 0), list_title="县生态环境局2025年政府信息公开年报")]),
    ], crumbs, side)
    s.page("/zwgk/ysqgk/index.html", "依申请公开", """<h2>依申请公开</h2>
<p>本局政府信息公开申请统一通过<a href="http://www.yunxi.gov.cn/zfxxgk/ysqgk/">云溪县人民政府依申请公开平台</a>受理。</p>""",
           column="依申请公开", crumbs=crumbs, side=side)
    s.page("/zwgk/index.html", "政务公开", "<h2>政务公开</h2><ul class=\"list\">" + "".join(
        f'<li><a href="{s.href(h)}">{label}</a></li>' for label, h in side[1]) + "</ul>", column="政务公开", side=side)
    notices = [Item("2026-10-30", "云溪县2026年重点排污单位名录"), Item("2026-06-05", "关于开展2026年六五环境日宣传活动的通知")]
    news = [Item("2026-11-12", "县生态环境局开展秋冬季大气污染防治督查"), Item("2026-10-09", "县生态环境局通报9月份环境空气质量状况"),
            Item("2026-08-20", "云溪河水质稳定保持Ⅱ类标准")]
    s.column("/tzgg/", "通知公告", notices)
    s.column("/hbdt/", "环保动态", news)
    home(s, [("通知公告", "/tzgg/", notices), ("环保动态", "/hbdt/", news)],
         '<div class="block"><h2>政务公开</h2><ul class="list">' + "".join(
             f'<li><a href="{s.href(h)}">{label}</a></li>' for label, h in side[1]) + "</ul></div>")


def build_departments() -> None:
    build_jyj()
    build_czj()
    build_wjw()
    build_sthjj()

