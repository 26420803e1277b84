// 交通运输 (jtys), 应急管理 (yjgl), 能源 (nyj), 消防救援 (xfjy), 发展改革 (fgw), 财政 (czj), 工业和信息化 (gxj),
// 商务 (swj). Basic codes 150000 08xxxx.
import { BL, CHECK, ID, ORG, PE, SITE, SITU3, SITU4, cite, it } from './demo-items-dsl.ts';

const TRANSPORT = '《中华人民共和国道路运输条例》';
const ROAD_SAFETY = '《公路安全保护条例》';
const HAZCHEM = '《危险化学品安全管理条例》';
const INVEST = '《企业投资项目核准和备案管理条例》';
const VEHICLE = '@机动车行驶证=机动车行驶证电子证照';

export const OTHER_ITEMS = [
  it('jtys', '080101', '道路旅客运输经营许可', '01', [cite(TRANSPORT, '第十条'), cite('《道路旅客运输及客运站管理规定》')], {
    statutory: [20, 'day'], promised: [10, 'day'], online: 3, handling: SITU4, themes: ['交通运输', '市场准入'], steps: CHECK,
    materials: ['道路旅客运输经营申请表', BL, '拟投入车辆承诺书', '驾驶人员的从业资格证件', '安全生产管理制度文本'],
    result: ['道路运输经营许可证', '证照', '道路运输经营许可证'], kw: ['客运', '班车', '包车'],
  }),
  it('jtys', '080102', '道路货物运输经营许可', '01', [cite(TRANSPORT, '第二十四条'), cite('《道路货物运输及站场管理规定》')], {
    statutory: [20, 'day'], promised: [5, 'day'], online: 4, handling: SITU4, themes: ['交通运输', '市场准入'], who: PE,
    cond: '使用总质量4500千克以上普通货运车辆从事道路货物运输经营，有与其经营业务相适应并经检测合格的车辆和符合条件的驾驶人员。',
    materials: ['道路货物运输经营申请表', ID, VEHICLE, '驾驶人员从业资格证', '安全生产管理制度文本'],
    result: ['道路运输经营许可证', '证照', '道路运输经营许可证'], kw: ['货运', '物流', '运输证'],
  }),
  it('jtys', '080103', '机动车维修经营备案', '11', [cite(TRANSPORT), cite('《机动车维修管理规定》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], themes: ['交通运输', '市场准入'], who: PE,
    materials: ['机动车维修经营备案表', BL, '维修设备设施汇总表', '技术人员汇总表', '维修管理制度'], result: ['机动车维修经营备案回执', '备案凭证'], kw: ['修车', '汽修厂'],
  }),
  it('jtys', '080104', '公路超限运输许可', '01', [cite(ROAD_SAFETY, '第三十五条'), cite('《超限运输车辆行驶公路管理规定》')], {
    statutory: [5, 'workday', '三类大件运输15个工作日'], promised: [2, 'workday'], online: 4, themes: ['交通运输'], who: PE,
    materials: ['公路超限运输申请表', VEHICLE, '货物的名称、外廓尺寸和质量', '车货总体外廓尺寸、总质量、轴荷数据', '运输方案'], result: ['超限运输车辆通行证', '证照'], kw: ['大件运输', '超限'],
  }),
  it('jtys', '080105', '涉路施工许可', '01', [cite('《中华人民共和国公路法》', '第四十五条'), cite(ROAD_SAFETY, '第二十七条')], {
    statutory: [20, 'day'], promised: [10, 'day'], online: 3, themes: ['交通运输', '建设工程'], who: ORG, steps: CHECK,
    materials: ['涉路施工申请书', '设计和施工方案', '保障公路、公路附属设施质量和安全的技术评价报告', '处置施工险情和意外事故的应急预案'], result: ['涉路施工许可决定书', '文书'], kw: ['挖路', '管线穿越'],
  }),
  it('jtys', '080106', '出租汽车经营许可', '01', [cite('《国务院对确需保留的行政审批项目设定行政许可的决定》', undefined, '行政法规'), cite('《巡游出租汽车经营服务管理规定》')], {
    statutory: [20, 'day'], promised: [10, 'day'], online: 2, handling: SITU4, themes: ['交通运输', '市场准入'],
    materials: ['巡游出租汽车经营申请表', BL, '拟投入车辆承诺书', '经营管理制度、安全生产管理制度和服务质量保障制度文本', SITE], result: ['道路运输经营许可证（出租汽车）', '证照'], kw: ['出租车', '网约车'],
  }),
  it('yjgl', '080201', '危险化学品经营许可（不带储存设施）', '01', [cite(HAZCHEM, '第三十三条'), cite(HAZCHEM, '第三十五条'), cite('《危险化学品经营许可证管理办法》')], {
    statutory: [30, 'day'], promised: [10, 'day'], online: 3, handling: SITU4, themes: ['安全生产', '市场准入'], steps: CHECK,
    materials: ['危险化学品经营许可证申请表', BL, '经营和储存场所建筑物消防安全验收文件', '主要负责人、安全生产管理人员安全生产知识和管理能力考核合格证明', '安全生产规章制度和岗位操作规程', '事故应急救援预案'],
    result: ['危险化学品经营许可证', '证照', '危险化学品经营许可证'], kw: ['危化品', '加油站', '化工'],
  }),
  it('yjgl', '080202', '烟花爆竹经营（零售）许可', '01', [cite('《烟花爆竹安全管理条例》'), cite('《烟花爆竹经营许可实施办法》')], {
    statutory: [20, 'day'], promised: [5, 'day'], online: 3, handling: SITU4, themes: ['安全生产', '市场准入'], who: PE, steps: CHECK,
    materials: ['烟花爆竹经营（零售）许可证申请书', BL, '零售场所和专用储存仓库的平面图及产权或者租赁证明', '主要负责人安全培训合格证明'], result: ['烟花爆竹经营（零售）许可证', '证照'], kw: ['鞭炮', '春节'],
  }),
  it('yjgl', '080203', '生产经营单位生产安全事故应急预案备案', '11', [cite('《生产安全事故应急条例》', '第七条'), cite('《生产安全事故应急预案管理办法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '材料齐全当场备案'], online: 4, filing: ['notice'], themes: ['安全生产'], who: ORG,
    materials: ['应急预案备案申报表', '应急预案评审意见', '应急预案电子文档', '风险评估结果和应急资源调查清单'], result: ['应急预案备案登记表', '备案凭证'], kw: ['应急预案'],
  }),
  it('yjgl', '080204', '第三类非药品类易制毒化学品经营备案', '11', [cite('《易制毒化学品管理条例》'), cite('《非药品类易制毒化学品生产、经营许可办法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 3, filing: ['notice'], themes: ['安全生产'], who: ORG,
    materials: ['非药品类易制毒化学品经营备案申请表', BL, '易制毒化学品管理制度'], result: ['非药品类易制毒化学品经营备案证明', '备案凭证'], kw: ['易制毒', '硫酸', '盐酸'],
  }),
  it('nyj', '080301', '石油天然气管道保护范围内特定施工作业许可', '01', [cite('《中华人民共和国石油天然气管道保护法》', '第三十五条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['能源', '安全生产'], who: ORG, steps: CHECK,
    materials: ['特定施工作业申请书', '施工作业方案', '施工单位与管道企业协商确定的安全防护措施', '施工单位资质证明'], result: ['特定施工作业许可决定', '文书'], kw: ['天然气管道', '苏里格', '管道保护'],
  }),
  it('nyj', '080302', '分布式光伏发电项目备案', '11', [cite(INVEST, '第十三条'), cite('《分布式光伏发电项目管理办法》', undefined, '规范性文件')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '在线告知即备'], online: 4, filing: ['notice'], themes: ['能源'], who: [1, 2, 5, 9],
    materials: ['分布式光伏发电项目备案信息（在线填报）', '屋顶或场地使用权证明'], result: ['项目备案证明', '备案凭证'], kw: ['光伏', '屋顶光伏', '新能源'],
  }),
  it('nyj', '080303', '煤炭经营企业信息报送', '20', [cite('《中华人民共和国煤炭法》'), cite('《煤炭经营监管办法》')], {
    statutory: [5, 'workday'], promised: [3, 'workday'], online: 4, themes: ['能源'], steps: ['提交', '核对', '公示'],
    materials: ['煤炭经营企业基本信息表', BL, '储煤场地使用权证明'], result: ['煤炭经营企业信息公示', '公示信息'], kw: ['煤炭', '储煤场'],
  }),
  it('xfjy', '080401', '公众聚集场所投入使用、营业前消防安全检查', '01', [cite('《中华人民共和国消防法》', '第十五条'), cite('《公众聚集场所投入使用营业前消防安全检查规则》', undefined, '规范性文件')], {
    statutory: [10, 'workday'], promised: [1, 'workday', '告知承诺当场办结'], online: 4, themes: ['消防', '市场准入'], caseKind: 1,
    cond: '场所符合消防技术标准和管理规定；选择告知承诺方式的，申请人作出符合消防安全标准的承诺。',
    materials: ['公众聚集场所投入使用、营业消防安全告知承诺书', BL, '场所平面布置图、场所消防设施平面图', '消防安全制度、灭火和应急疏散预案', '场所室内装修消防设计施工图、消防产品质量合格证明文件'],
    result: ['公众聚集场所投入使用、营业消防安全检查意见书', '文书'], kw: ['开业检查', '消防检查', '饭店开业'],
  }),
  it('fgw', '080501', '企业投资项目备案', '11', [cite(INVEST, '第十三条'), cite('《企业投资项目核准和备案管理办法》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '在线告知即备'], online: 4, filing: ['notice'], themes: ['市场准入', '建设工程'], who: [2, 3, 5, 9],
    materials: ['企业投资项目备案信息（在线填报）：企业基本情况、项目名称、建设地点、建设规模和内容、总投资额'], result: ['项目备案证明（含项目代码）', '备案凭证'], kw: ['项目备案', '立项', '项目代码'],
  }),
  it('fgw', '080502', '企业投资项目核准', '01', [cite(INVEST, '第三条'), cite('《政府核准的投资项目目录》')], {
    statutory: [20, 'workday', '委托评估时间不计入'], promised: [15, 'workday'], online: 3, themes: ['市场准入', '建设工程'], who: [2, 3, 5, 9],
    materials: ['项目申请书', '城乡规划行政主管部门出具的选址意见书', '国土资源行政主管部门出具的用地预审意见', '?环境影响评价审批文件'],
    result: ['项目核准文件', '批复'], kw: ['项目核准'],
  }),
  it('fgw', '080503', '政府投资项目审批', '01', [cite('《政府投资条例》', '第九条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: ['新设', '变更'], themes: ['建设工程'], who: [3, 6],
    materials: ['项目建议书或者可行性研究报告', '?初步设计及概算', '项目资金来源说明'], result: ['政府投资项目审批文件', '批复'], kw: ['可研批复', '立项'],
  }),
  it('fgw', '080504', '固定资产投资项目节能审查', '01', [cite('《中华人民共和国节约能源法》', '第十五条'), cite('《固定资产投资项目节能审查办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, themes: ['能源', '建设工程'], who: ORG,
    materials: ['节能审查申请', '项目节能报告'], result: ['节能审查意见', '批复'], kw: ['节能评估', '能评'],
  }),
  it('czj', '080601', '代理记账机构审批', '01', [cite('《中华人民共和国会计法》'), cite('《代理记账管理办法》')], {
    statutory: [10, 'day'], promised: [5, 'day'], online: 4, handling: SITU3, themes: ['市场准入'],
    materials: ['代理记账资格申请表', BL, '专职从业人员的身份证明及劳动合同', '主管代理记账业务的负责人具备会计师以上专业技术职务资格的证明', '代理记账业务内部规范'],
    result: ['代理记账许可证书', '证照', '代理记账许可证书'], kw: ['代理记账', '会计'],
  }),
  it('czj', '080602', '政府采购供应商投诉处理', '09', [cite('《中华人民共和国政府采购法》', '第五十五条'), cite('《政府采购质疑和投诉办法》')], {
    statutory: [30, 'workday'], promised: [20, 'workday'], online: 3, themes: ['其他'], who: [1, 2, 5, 9], steps: ['受理', '调查取证', '作出处理决定', '送达'],
    materials: ['投诉书', '质疑和质疑答复情况说明及相关证明材料', '?授权委托书'], result: ['投诉处理决定书', '文书'], kw: ['政府采购', '投诉'],
  }),
  it('gxj', '080701', '工业企业技术改造项目备案', '11', [cite(INVEST, '第十三条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '在线告知即备'], online: 4, filing: ['notice'], themes: ['市场准入'], who: [2, 5],
    materials: ['技术改造项目备案信息（在线填报）'], result: ['项目备案证明（含项目代码）', '备案凭证'], kw: ['技改', '工业项目'],
  }),
  it('swj', '080801', '单用途商业预付卡备案', '11', [cite('《单用途商业预付卡管理办法（试行）》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 3, filing: ['notice'], themes: ['市场准入'],
    materials: ['单用途卡发卡企业备案表', BL, '预付卡章程或者购卡协议样本'], result: ['单用途商业预付卡备案回执', '备案凭证'], kw: ['预付卡', '会员卡', '储值卡'],
  }),
  it('swj', '080802', '再生资源回收经营者备案', '11', [cite('《再生资源回收管理办法》', '第七条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 3, filing: ['notice'], themes: ['市场准入', '生态环境'], who: PE,
    materials: ['再生资源回收经营者备案登记表', BL, SITE], result: ['再生资源回收经营者备案回执', '备案凭证'], kw: ['废品回收', '再生资源'],
  }),
];
