// 人力资源和社会保障 (rsj) and 医疗保障 (ybj). Basic codes 150000 03xxxx.
import { BL, GIVE, HUKOU, ID, P, PE, POA, SITU3, SITU4, STD, TOWNS, cite, it } from './demo-items-dsl.ts';

const SI = '《中华人民共和国社会保险法》';
const EMP = '《中华人民共和国就业促进法》';
const SSCARD = '@社会保障卡=社会保障卡电子证照';

export const LABOUR_ITEMS = [
  it(['rsj', ...TOWNS], '030101', '就业创业登记', '20', [cite(EMP), cite('《就业服务与就业管理规定》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即时办结'], online: 4, handling: ['新设', '注销'], themes: ['就业创业'], who: P,
    materials: ['就业创业登记表', ID], result: ['就业创业证', '证照', '就业创业证'], kw: ['失业登记', '就业登记'],
  }),
  it(['rsj', ...TOWNS], '030102', '城乡居民基本养老保险参保登记', '20', [cite(SI, '第二十二条'), cite('《国务院关于建立统一的城乡居民基本养老保险制度的意见》')], {
    statutory: [1, 'workday'], promised: [0, 'workday'], online: 4, handling: SITU3, themes: ['社会保障'], who: P,
    materials: ['城乡居民基本养老保险参保登记表', ID, HUKOU], result: ['参保登记信息', '登记信息'], kw: ['养老保险', '居民养老'],
  }),
  it('rsj', '030103', '城乡居民基本养老保险待遇申领', '05', [cite(SI, '第二十二条'), cite('《国务院关于建立统一的城乡居民基本养老保险制度的意见》')], {
    statutory: [20, 'workday'], promised: [5, 'workday'], online: 4, themes: ['社会保障', '养老服务'], who: P, steps: ['受理', '审核', '发放'],
    materials: ['城乡居民基本养老保险待遇申领表', ID, SSCARD], result: ['养老金', '资金发放'], kw: ['领养老金', '退休'],
  }),
  it('rsj', '030104', '失业保险金申领', '05', [cite(SI, '第四十五条'), cite('《失业保险条例》')], {
    statutory: [10, 'workday'], promised: [3, 'workday'], online: 4, themes: ['社会保障', '就业创业'], who: P, steps: ['受理', '审核', '发放'],
    materials: ['失业保险金申领登记表', ID, '@终止或者解除劳动关系的证明=用人单位社保减员信息'], result: ['失业保险金', '资金发放'], kw: ['失业金', '失业补助'],
  }),
  it('rsj', '030105', '工伤认定', '07', [cite('《工伤保险条例》', '第十七条'), cite('《工伤保险条例》', '第二十条'), cite('《工伤认定办法》')], {
    statutory: [60, 'day'], promised: [30, 'day'], online: 3, themes: ['社会保障'], who: [1, 2, 5], steps: ['受理', '调查核实', '决定', '送达'],
    materials: ['工伤认定申请表', '与用人单位存在劳动关系的证明材料', '医疗机构出具的受伤后诊断证明书或者职业病诊断证明书', ID],
    result: ['认定工伤决定书', '文书'], kw: ['工伤', '工亡'],
  }),
  it('rsj', '030106', '企业实行不定时工作制和综合计算工时工作制审批', '01', [cite('《中华人民共和国劳动法》', '第三十九条'), cite('《关于企业实行不定时工作制和综合计算工时工作制的审批办法》', undefined, '规范性文件')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, themes: ['就业创业'], steps: STD,
    materials: ['实行特殊工时工作制申请表', BL, '工会或职工代表大会意见', '实行特殊工时工作制的岗位、人数及工作休息安排'],
    result: ['特殊工时工作制批复', '批复'], kw: ['特殊工时', '综合工时'],
  }),
  it('rsj', '030107', '人力资源服务许可', '01', [cite('《人力资源市场暂行条例》', '第十八条'), cite('《人力资源服务机构管理规定》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, handling: SITU3, themes: ['就业创业', '市场准入'],
    materials: ['人力资源服务许可申请书', BL, '与开展业务相适应的专职工作人员名单及身份证明', '场所使用权证明', '工作规则和管理制度'],
    result: ['人力资源服务许可证', '证照', '人力资源服务许可证'], kw: ['职业中介', '人才中介'],
  }),
  it('rsj', '030108', '劳务派遣经营许可', '01', [cite('《中华人民共和国劳动合同法》', '第五十七条'), cite('《劳务派遣行政许可实施办法》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, handling: SITU4, themes: ['就业创业', '市场准入'], power: 2,
    materials: ['劳务派遣经营许可申请书', BL, '注册资本不少于人民币二百万元的证明', '经营场所的使用证明以及与开展业务相适应的办公设施设备、信息管理系统等清单', '劳务派遣管理制度'],
    result: ['劳务派遣经营许可证', '证照', '劳务派遣经营许可证'], kw: ['劳务派遣'],
  }),
  it('rsj', '030109', '职业技能培训补贴申领', '05', [cite(EMP), cite('《国务院关于推行终身职业技能培训制度的意见》')], {
    statutory: [30, 'workday'], promised: [15, 'workday'], online: 4, themes: ['就业创业'], who: [1, 2, 5], steps: ['受理', '审核', '公示', '发放'],
    materials: ['职业技能培训补贴申请表', ID, '@职业资格证书或职业技能等级证书=职业技能等级证书电子证照'], result: ['职业技能培训补贴', '资金发放'], kw: ['技能培训', '职业资格', '技能等级'],
  }),
  it('rsj', '030110', '职业资格证书和职业技能等级证书查询核验', '20', [cite('《国务院关于推行终身职业技能培训制度的意见》')], {
    statutory: [1, 'workday'], promised: [0, 'workday'], online: 4, themes: ['就业创业'], who: PE,
    materials: [ID], result: ['证书核验结果', '查询结果'], kw: ['证书查询', '职业资格', '技能等级'],
  }),
  it('rsj', '030111', '社会保障卡申领', '20', [cite(SI, '第五十八条'), cite('《社会保障卡管理办法》', undefined, '规范性文件')], {
    statutory: [10, 'workday'], promised: [0, 'workday', '即时制卡'], online: 4, handling: ['新设', '变更'], themes: ['社会保障'], who: P, caseKind: 1,
    materials: ['社会保障卡申领登记表', ID, '?本人近期免冠照片'], result: ['社会保障卡', '卡证'], kw: ['社保卡', '补卡'],
  }),
  it('rsj', '030112', '创业担保贷款申请', '20', [cite('《关于进一步做好创业担保贷款财政贴息工作的通知》')], {
    statutory: [15, 'workday'], promised: [10, 'workday'], online: 3, themes: ['就业创业'], who: [1, 2, 5], steps: ['受理', '资格审核', '担保审核', '银行放款'],
    materials: ['创业担保贷款申请表', ID, BL, '?创业项目计划书'], result: ['创业担保贷款', '贷款发放'], kw: ['贴息贷款', '创业贷款'],
  }),
  it(['ybj', ...TOWNS], '030201', '城乡居民基本医疗保险参保登记', '20', [cite(SI, '第二十五条'), cite('《国务院关于整合城乡居民基本医疗保险制度的意见》')], {
    statutory: [1, 'workday'], promised: [0, 'workday'], online: 4, handling: SITU3, themes: ['医疗保障'], who: P,
    materials: ['城乡居民基本医疗保险参保登记表', ID, HUKOU], result: ['参保登记信息', '登记信息'], kw: ['医保', '新农合', '居民医保'],
  }),
  it('ybj', '030202', '基本医疗保险关系转移接续', '20', [cite(SI, '第三十二条'), cite('《基本医疗保障关系转移接续暂行办法》', undefined, '规范性文件')], {
    statutory: [15, 'workday'], promised: [10, 'workday'], online: 4, themes: ['医疗保障'], who: P,
    materials: ['基本医疗保险关系转移接续申请表', ID], result: ['参保凭证', '凭证'], kw: ['医保转移', '跨省转移'],
  }),
  it('ybj', '030203', '异地就医备案', '20', [cite('《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即时办结'], online: 4, themes: ['医疗保障'], who: P,
    materials: ['异地就医备案表（网上填报）', SSCARD], result: ['异地就医备案信息', '登记信息'], kw: ['异地就医', '跨省就医', '直接结算'],
  }),
  it('ybj', '030204', '门诊慢特病待遇认定', '07', [cite(SI, '第二十八条'), cite('《内蒙古自治区基本医疗保险门诊慢特病管理办法》', undefined, '规范性文件')], {
    statutory: [15, 'workday'], promised: [5, 'workday'], online: 3, themes: ['医疗保障'], who: P,
    materials: ['门诊慢特病待遇认定申请表', SSCARD, '二级及以上医疗机构出具的诊断证明和病历资料'], result: ['门诊慢特病待遇认定结果', '认定结果'], kw: ['慢病', '门诊特殊病'],
  }),
  it('ybj', '030205', '医疗费用手工（零星）报销', '05', [cite(SI, '第二十八条'), cite('《医疗保障基金使用监督管理条例》')], {
    statutory: [30, 'workday'], promised: [15, 'workday'], online: 3, themes: ['医疗保障'], who: P, steps: ['受理', '审核', '发放'],
    materials: ['医疗费用报销申请表', SSCARD, '医疗费用票据', '费用明细清单', '出院记录或者诊断证明', '?转诊备案材料'],
    result: ['医疗费用报销款', '资金发放'], kw: ['报销', '零星报销', '手工报销'],
  }),
  it('ybj', '030206', '生育保险待遇核准支付', '05', [cite(SI, '第五十四条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, themes: ['医疗保障'], who: [1, 2, 5], steps: ['受理', '审核', '发放'],
    materials: ['生育保险待遇申领表', SSCARD, '@出生医学证明=出生医学证明电子证照'], result: ['生育津贴、生育医疗费用', '资金发放'], kw: ['生育津贴', '产假'],
  }),
  it('ybj', '030207', '医疗救助', '05', [cite('《社会救助暂行办法》', '第二十八条'), cite('《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['医疗保障', '社会救助'], who: P, steps: GIVE,
    materials: ['医疗救助申请表', ID, '医疗费用票据及费用清单', '?低保、特困等身份证明（可共享核查）'], result: ['医疗救助金', '资金发放'], kw: ['大病救助', '医疗救助'],
  }),
  it('ybj', '030208', '医药机构申请医保定点', '10', [cite('《医疗机构医疗保障定点管理暂行办法》', undefined, '部门规章'), cite('《零售药店医疗保障定点管理暂行办法》', undefined, '部门规章')], {
    statutory: [90, 'workday', '评估时间不含机构整改时间'], promised: [60, 'workday'], online: 3, themes: ['医疗保障'], who: [2, 3, 5], steps: ['受理', '评估', '协商谈判', '签订协议'],
    materials: ['定点医药机构申请表', '@医疗机构执业许可证或药品经营许可证=医疗机构执业许可证电子证照', '医保管理制度和信息系统建设情况', POA],
    result: ['医疗保障服务协议', '协议'], kw: ['定点药店', '医保定点'],
  }),
];
