// 自然资源 (zrzy) and 住房和城乡建设 (zjj): planning, real estate registration, construction. Basic codes 150000 05xxxx.
import { BL, CHECK, ID, ORG, P, PE, POA, SITU2, SITU3, STD, cite, it } from './demo-items-dsl.ts';

const PLAN = '《中华人民共和国城乡规划法》';
const REGISTER = '《不动产登记暂行条例》';
const CIVIL = '《中华人民共和国民法典》';
const FIRE = '《中华人民共和国消防法》';
const FIRE_RULES = '《建设工程消防设计审查验收管理暂行规定》';
const LAND_ID = '@不动产权证书=不动产权证书电子证照';
const REG_FEE = [['不动产登记费', '住宅类每件80元，非住宅类每件550元', '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）']] as const;
const PERMIT = '@建设工程规划许可证=建设工程规划许可证电子证照';

export const LAND_ITEMS = [
  it('zrzy', '050101', '建设用地规划许可', '01', [cite(PLAN, '第三十七条'), cite(PLAN, '第三十八条')], {
    statutory: [20, 'workday'], promised: [5, 'workday'], online: 3, handling: SITU2, themes: ['建设工程'], who: ORG,
    materials: ['建设用地规划许可申请表', BL, '国有土地使用权出让合同或划拨决定书', '建设项目批准、核准或者备案文件', '用地红线图'],
    result: ['建设用地规划许可证', '证照', '建设用地规划许可证'], kw: ['用地规划', '工程建设项目审批'],
  }),
  it('zrzy', '050102', '建设工程规划许可', '01', [cite(PLAN, '第四十条'), cite('《内蒙古自治区城乡规划条例》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU2, themes: ['建设工程'], who: ORG, steps: CHECK,
    materials: ['建设工程规划许可申请表', '@建设用地规划许可证=建设用地规划许可证电子证照', '@土地权属证明=不动产登记共享数据', '建设工程设计方案总平面图', '建设工程设计方案（含效果图、技术经济指标）'],
    result: ['建设工程规划许可证', '证照', '建设工程规划许可证'], kw: ['规划许可', '工程建设项目审批', '报建'],
  }),
  it('zrzy', '050103', '乡村建设规划许可', '01', [cite(PLAN, '第四十一条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['建设工程', '农牧业'], who: [1, 9],
    materials: ['乡村建设规划许可申请表', ID, '苏木镇人民政府审核意见', '建设工程设计方案或者农村牧区住房通用图', '?宅基地批准文件'],
    result: ['乡村建设规划许可证', '证照', '乡村建设规划许可证'], kw: ['农村建房', '盖房'],
  }),
  it('zrzy', '050104', '临时用地审批', '01', [cite('《中华人民共和国土地管理法》', '第五十七条'), cite('《中华人民共和国土地管理法实施条例》', '第二十条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 2, themes: ['建设工程', '不动产'], who: ORG,
    materials: ['临时用地申请书', '临时使用土地合同', '土地复垦方案报告表', '拟使用土地的权属证明材料'],
    result: ['临时用地批准文件', '批复'], kw: ['临时用地', '施工用地'],
  }),
  it('zrzy', '050105', '建设项目用地预审与选址意见书', '01', [cite(PLAN, '第三十六条'), cite('《中华人民共和国土地管理法实施条例》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, themes: ['建设工程'], who: ORG, steps: STD,
    materials: ['建设项目用地预审与选址申请表', '建设项目用地预审与选址申请报告', '建设项目规划选址论证材料', '项目建议书或者立项依据'],
    result: ['建设项目用地预审与选址意见书', '证照', '建设项目用地预审与选址意见书'], kw: ['选址', '用地预审'],
  }),
  it('zrzy', '050201', '不动产首次登记', '07', [cite(CIVIL, '第二百零九条'), cite(REGISTER, '第二十条'), cite('《不动产登记暂行条例实施细则》')], {
    statutory: [30, 'workday'], promised: [5, 'workday'], online: 3, themes: ['不动产'], who: [1, 2, 3, 5, 9], fees: REG_FEE,
    materials: ['不动产登记申请书', ID, '土地权属来源证明', '建设工程符合规划的材料', '房屋已经竣工的材料', '房地产调查或者测绘报告'],
    inter: [['不动产权籍调查（测绘）', '《不动产登记暂行条例实施细则》', '具有相应测绘资质的机构']],
    result: ['不动产权证书', '证照', '不动产权证书'], kw: ['房产证', '首次登记', '确权'],
  }),
  it('zrzy', '050202', '不动产转移登记', '07', [cite(CIVIL, '第二百零九条'), cite(REGISTER, '第二十条')], {
    statutory: [30, 'workday'], promised: [3, 'workday'], online: 3, themes: ['不动产'], who: [1, 2, 3, 5, 9], fees: REG_FEE,
    materials: ['不动产登记申请书', ID, LAND_ID, '买卖合同、继承或者赠与等证明权属转移的材料', '@完税凭证=税务共享数据'],
    result: ['不动产权证书', '证照', '不动产权证书'], kw: ['过户', '二手房', '买房'],
  }),
  it('zrzy', '050203', '不动产抵押权登记', '07', [cite(CIVIL, '第四百零二条'), cite(REGISTER, '第二十条')], {
    statutory: [30, 'workday'], promised: [1, 'workday'], online: 4, handling: SITU3, themes: ['不动产'], who: [1, 2, 3, 5, 9],
    fees: [['不动产登记费', '每件80元', '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）']],
    materials: ['不动产登记申请书', ID, LAND_ID, '主债权合同和抵押合同'], result: ['不动产登记证明', '证明', '不动产登记证明'], kw: ['抵押', '房贷'],
  }),
  it('zrzy', '050204', '不动产预告登记', '07', [cite(CIVIL, '第二百二十一条'), cite(REGISTER, '第二十条')], {
    statutory: [30, 'workday'], promised: [1, 'workday'], online: 4, handling: ['新设', '注销'], themes: ['不动产'], who: [1, 2, 5],
    materials: ['不动产登记申请书', ID, '已备案的商品房预售合同'], result: ['不动产登记证明', '证明', '不动产登记证明'], kw: ['期房', '预告登记'],
  }),
  it('zrzy', '050205', '不动产登记资料查询', '20', [cite(REGISTER, '第二十七条'), cite('《不动产登记资料查询暂行办法》', undefined, '部门规章')], {
    statutory: [5, 'workday'], promised: [0, 'workday', '当场查询'], online: 4, themes: ['不动产'], who: [1, 2, 3, 4, 5, 6, 9], caseKind: 1,
    materials: ['不动产登记资料查询申请书', ID, POA], result: ['不动产登记资料查询结果', '查询结果'], kw: ['查档', '房产查询'],
  }),
  it('zjj', '050301', '建筑工程施工许可', '01', [cite('《中华人民共和国建筑法》', '第七条'), cite('《建筑工程施工许可管理办法》')], {
    statutory: [7, 'day'], promised: [3, 'day'], online: 4, handling: SITU2, themes: ['建设工程'], who: ORG,
    materials: ['建筑工程施工许可证申请表', PERMIT, '施工合同', '施工图设计文件审查合格书（联合审查系统共享）', '建设资金已经落实承诺书'],
    result: ['建筑工程施工许可证', '证照', '建筑工程施工许可证'], kw: ['施工许可', '开工', '工程建设项目审批'],
  }),
  it('zjj', '050302', '建设工程消防设计审查', '01', [cite(FIRE, '第十一条'), cite(FIRE_RULES)], {
    statutory: [15, 'workday'], promised: [10, 'workday'], online: 3, themes: ['建设工程', '消防'], who: ORG,
    materials: ['消防设计审查申请表', '消防设计文件', '依法需要办理建设工程规划许可的，应当提供建设工程规划许可证明文件', '?特殊消防设计技术资料'],
    result: ['特殊建设工程消防设计审查意见书', '文书'], kw: ['消防审查', '特殊建设工程'],
  }),
  it('zjj', '050303', '建设工程消防验收', '01', [cite(FIRE, '第十三条'), cite(FIRE_RULES)], {
    statutory: [15, 'day'], promised: [10, 'day'], online: 3, themes: ['建设工程', '消防'], who: ORG, steps: CHECK,
    materials: ['消防验收申请表', '工程竣工验收报告', '涉及消防的建设工程竣工图纸'], result: ['特殊建设工程消防验收意见书', '文书'], kw: ['消防验收'],
  }),
  it('zjj', '050304', '建设工程消防验收备案', '11', [cite(FIRE, '第十三条'), cite(FIRE_RULES)], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备，依法抽查'], online: 4, filing: ['notice'], themes: ['建设工程', '消防'], who: ORG,
    materials: ['消防验收备案表', '工程竣工验收报告', '涉及消防的建设工程竣工图纸'], result: ['消防验收备案凭证', '备案凭证'], kw: ['消防备案', '竣工'],
  }),
  it('zjj', '050305', '房屋建筑和市政基础设施工程竣工验收备案', '11', [cite('《建设工程质量管理条例》', '第四十九条'), cite('《房屋建筑和市政基础设施工程竣工验收备案管理办法》')], {
    statutory: [15, 'day'], promised: [5, 'workday'], online: 3, filing: ['confirmation', 5, '备案编号'], themes: ['建设工程'], who: ORG,
    materials: ['工程竣工验收备案表', '工程竣工验收报告', PERMIT, '施工单位签署的工程质量保修书', '?住宅质量保证书和住宅使用说明书'],
    result: ['工程竣工验收备案证明', '备案凭证'], kw: ['竣工备案', '联合验收'],
  }),
  it('zjj', '050306', '商品房预售许可', '01', [cite('《中华人民共和国城市房地产管理法》', '第四十五条'), cite('《城市商品房预售管理办法》')], {
    statutory: [10, 'workday'], promised: [5, 'workday'], online: 2, themes: ['不动产'], steps: CHECK,
    materials: ['商品房预售许可申请表', BL, '房地产开发企业资质证书', '@土地使用权证书=不动产登记共享数据', PERMIT, '工程施工合同及关于施工进度的说明', '商品房预售方案'],
    result: ['商品房预售许可证', '证照', '商品房预售许可证'], kw: ['预售证', '楼盘'],
  }),
  it('zjj', '050307', '商品房预售合同网签备案', '11', [cite('《中华人民共和国城市房地产管理法》', '第四十五条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '网签即备'], online: 4, filing: ['notice'], themes: ['不动产'], who: [1, 2, 5],
    materials: ['商品房预售合同（网签）', ID], result: ['商品房预售合同备案编号', '备案凭证'], kw: ['网签', '购房合同'],
  }),
  it('zjj', '050308', '房屋租赁登记备案', '11', [cite('《商品房屋租赁管理办法》', '第十四条')], {
    statutory: [3, 'workday'], promised: [3, 'workday'], online: 4, filing: ['confirmation', 3, '备案编号'], themes: ['不动产'], who: PE,
    materials: ['房屋租赁登记备案表', '房屋租赁合同', '房屋租赁当事人身份证明', LAND_ID], result: ['房屋租赁登记备案证明', '备案凭证'], kw: ['租房', '租赁备案'],
  }),
  it('zjj', '050309', '拆除工程备案', '11', [cite('《建设工程安全生产管理条例》', '第十一条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 3, filing: ['notice'], themes: ['建设工程', '安全生产'], who: ORG,
    materials: ['拆除工程备案表', '施工单位资质等级证明', '拟拆除建筑物、构筑物及可能危及毗邻建筑的说明', '拆除施工组织方案', '堆放、清除废弃物的措施'],
    result: ['拆除工程备案回执', '备案凭证'], kw: ['拆除', '拆迁施工'],
  }),
  it('zjj', '050310', '燃气经营许可', '01', [cite('《城镇燃气管理条例》', '第十五条'), cite('《燃气经营许可管理办法》', undefined, '规范性文件')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: ['新设', '变更', '延续', '注销'], themes: ['能源', '安全生产'], steps: CHECK,
    materials: ['燃气经营许可申请书', BL, '燃气设施建设工程竣工验收文件', '企业主要负责人、安全生产管理人员及运行维护和抢修人员的专业培训考核合格证明', '燃气经营安全管理制度和应急预案'],
    result: ['燃气经营许可证', '证照', '燃气经营许可证'], kw: ['天然气', '液化气', '加气站'],
  }),
  it('zjj', '050311', '城镇污水排入排水管网许可', '01', [cite('《城镇排水与污水处理条例》', '第二十一条'), cite('《城镇污水排入排水管网许可管理办法》')], {
    statutory: [15, 'workday'], promised: [5, 'workday'], online: 3, handling: SITU2, themes: ['生态环境', '建设工程'], who: [2, 3, 5, 9],
    materials: ['排水许可申请表', '排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明', '?排水水质检测报告'],
    result: ['城镇污水排入排水管网许可证', '证照', '城镇污水排入排水管网许可证'], kw: ['排水许可', '污水'],
  }),
  it('zjj', '050312', '城市建筑垃圾处置核准', '01', [cite('《国务院对确需保留的行政审批项目设定行政许可的决定》', undefined, '行政法规'), cite('《城市建筑垃圾管理规定》')], {
    statutory: [20, 'day'], promised: [5, 'day'], online: 3, themes: ['建设工程', '生态环境'], who: ORG,
    materials: ['建筑垃圾处置核准申请表', '建筑垃圾处置方案', '与消纳场所签订的消纳合同', '运输车辆清单'], result: ['建筑垃圾处置核准文件', '证照'], kw: ['渣土', '建筑垃圾'],
  }),
  it('zjj', '050313', '设置大型户外广告审批', '01', [cite('《城市市容和环境卫生管理条例》', '第十一条')], {
    statutory: [20, 'workday'], promised: [5, 'workday'], online: 3, handling: ['新设', '延续'], themes: ['建设工程'], who: PE,
    materials: ['户外广告设置申请表', BL, '设置地点的产权或使用权证明', '户外广告效果图和结构设计图'], result: ['户外广告设置许可决定书', '文书'], kw: ['广告牌', '门头'],
  }),
  it('zjj', '050314', '公共租赁住房资格确认', '07', [cite('《公共租赁住房管理办法》')], {
    statutory: [30, 'workday'], promised: [20, 'workday'], online: 3, themes: ['不动产', '社会救助'], who: P, steps: ['受理', '审核', '公示', '确认'],
    materials: ['公共租赁住房申请表', ID, '@户籍及婚姻信息=户籍婚姻信息共享数据', '家庭收入和住房情况承诺书'], result: ['公共租赁住房资格确认通知', '通知书'], kw: ['公租房', '保障房', '廉租房'],
  }),
];
