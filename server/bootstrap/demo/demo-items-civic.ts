// 公安 (gaj), 司法 (sfj), 文化旅游体育 (wlj), 教育体育 (jyty). Basic codes 150000 07xxxx.
import { BL, CHECK, HUKOU, ID, ORG, P, PE, POA, SITE, SITU3, SITU4, cite, it } from './demo-items-dsl.ts';

const HUKOU_REG = '《中华人民共和国户口登记条例》';
const ROAD = '《中华人民共和国道路交通安全法》';
const NOTARY = '《中华人民共和国公证法》';
const NOTARY_FEE = [['公证费', '按《内蒙古自治区公证服务收费标准》执行，低保、特困人员减免', `${NOTARY}第三十四条`]] as const;
const NOTARY_OPTS = { statutory: [15, 'workday'], promised: [5, 'workday'], online: 2, themes: ['司法公证'], who: PE, fees: NOTARY_FEE, steps: ['受理', '审查核实', '出具公证书'] } as const;
const PHOTO = '本人近期免冠照片（可现场采集）';
const POLICE_HALL = '乌审旗公安局户政服务大厅（嘎鲁图镇）';

export const CIVIC_ITEMS = [
  it('gaj', '070101', '养犬登记', '07', [cite('《中华人民共和国动物防疫法》', '第三十条')], {
    statutory: [10, 'workday'], promised: [3, 'workday'], online: 4, handling: ['新设', '延续', '注销'], themes: ['公安户政'], who: PE,
    cond: '犬只已按规定接种狂犬病疫苗，养犬人具有完全民事行为能力且居住地不属于禁养区域。',
    materials: ['养犬登记申请表', ID, '动物诊疗机构出具的狂犬病免疫证明', '犬只正面、侧面照片'], result: ['养犬登记证', '证照', '养犬登记证'], kw: ['狗证', '犬证', '宠物'],
  }),
  it('gaj', '070102', '户口迁移', '07', [cite(HUKOU_REG, '第十条'), cite('《国务院关于进一步推进户籍制度改革的意见》')], {
    statutory: [20, 'workday'], promised: [1, 'workday', '跨省通办迁入即办'], online: 4, handling: ['新设', '变更'], themes: ['公安户政'], who: P, place: POLICE_HALL,
    materials: ['户口迁移申请表', ID, HUKOU, '?合法稳定住所证明或者就业证明'], result: ['户口迁入登记', '户籍登记'], kw: ['落户', '迁户口', '户籍'],
  }),
  it('gaj', '070103', '出生登记', '07', [cite(HUKOU_REG, '第七条')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '当场办结'], online: 4, themes: ['公安户政', '医疗卫生'], who: P, place: POLICE_HALL,
    materials: ['@出生医学证明=出生医学证明电子证照', '父母一方的居民户口簿', '父母双方居民身份证', '?父母结婚证'], result: ['户口登记', '户籍登记'], kw: ['新生儿上户口', '报户口'],
  }),
  it('gaj', '070104', '居民身份证申领、换领、补领', '07', [cite('《中华人民共和国居民身份证法》', '第八条')], {
    statutory: [60, 'day'], promised: [20, 'day'], online: 3, handling: ['新设', '延续', '变更'], themes: ['公安户政'], who: P, place: POLICE_HALL,
    materials: [HUKOU, PHOTO, '?原居民身份证'], result: ['居民身份证', '证件'], kw: ['身份证', '补办身份证', '异地换证'],
    fees: [['居民身份证工本费', '申领、换领每证20元；丢失补领或损坏换领每证40元', '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》']],
  }),
  it('gaj', '070105', '居住证申领', '07', [cite('《居住证暂行条例》', undefined, '行政法规')], {
    statutory: [15, 'day'], promised: [7, 'day'], online: 4, themes: ['公安户政'], who: P,
    materials: [ID, PHOTO, '居住地住址、就业、就读等证明材料'], result: ['居住证', '证件'], kw: ['暂住证', '居住证'],
  }),
  it('gaj', '070106', '机动车注册登记', '07', [cite(ROAD, '第八条'), cite('《机动车登记规定》')], {
    statutory: [2, 'workday'], promised: [1, 'workday', '新车当日办结'], online: 3, handling: ['新设', '变更', '注销'], themes: ['交通运输', '公安户政'], who: PE,
    materials: ['机动车登记申请表', ID, '机动车整车出厂合格证明', '@机动车来历证明=购车发票电子信息', '@车辆购置税完税证明=税务共享数据', '机动车交通事故责任强制保险凭证'],
    result: ['机动车登记证书、号牌、行驶证', '证照', '机动车行驶证'], kw: ['上牌', '新车', '车管所'],
    fees: [['机动车号牌工本费', '汽车号牌每副100元', '《国家发展改革委 财政部关于公安部门有关证照收费标准的通知》']],
  }),
  it('gaj', '070107', '机动车驾驶证申领', '01', [cite(ROAD, '第十九条'), cite('《机动车驾驶证申领和使用规定》')], {
    statutory: [1, 'workday', '考试合格后当日核发'], promised: [1, 'workday'], online: 3, handling: ['新设', '延续', '变更'], themes: ['交通运输', '公安户政'], who: P,
    materials: ['机动车驾驶证申请表', ID, '县级或者部队团级以上医疗机构出具的身体条件证明', PHOTO], result: ['机动车驾驶证', '证照', '机动车驾驶证'], kw: ['驾照', '驾驶证', '换证'],
  }),
  it('gaj', '070108', '旅馆业特种行业许可', '01', [cite('《旅馆业治安管理办法》', '第四条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU3, themes: ['市场准入', '文化旅游'], steps: CHECK,
    materials: ['旅馆业特种行业许可申请表', BL, SITE, '旅馆房屋平面图和消防安全检查合格证明', '治安保卫制度和人员情况'],
    result: ['特种行业许可证', '证照', '特种行业许可证'], kw: ['宾馆', '民宿', '酒店'],
  }),
  it('gaj', '070109', '公章刻制备案', '11', [cite('《国务院关于第一批取消62项中央指定地方实施行政审批事项的决定》')], {
    statutory: [1, 'workday'], promised: [0, 'workday', '即来即备'], online: 4, filing: ['notice'], themes: ['市场准入'], who: ORG,
    materials: ['公章刻制备案信息表', BL], result: ['公章刻制备案回执', '备案凭证'], kw: ['刻章', '公章', '印章'],
  }),
  it('gaj', '070110', '无犯罪记录证明开具', '20', [cite('《公安机关办理犯罪记录查询工作规定》', undefined, '规范性文件')], {
    statutory: [3, 'workday'], promised: [1, 'workday'], online: 4, themes: ['公安户政', '就业创业'], who: P,
    materials: [ID, POA], result: ['无犯罪记录证明', '证明', '无犯罪记录证明'], kw: ['无犯罪证明', '政审'],
  }),
  it('gaj', '070111', '普通护照签发', '01', [cite('《中华人民共和国护照法》', '第五条'), cite('《中华人民共和国护照法》', '第六条')], {
    statutory: [15, 'day'], promised: [7, 'day'], online: 2, handling: ['新设', '延续', '变更'], themes: ['公安户政'], who: P,
    materials: [ID, PHOTO, '?原护照'], result: ['普通护照', '证件'], kw: ['护照', '出国'],
    fees: [['普通护照工本费', '每本120元', '《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》']],
  }),
  it('gaj', '070112', '剧毒化学品购买许可', '01', [cite('《危险化学品安全管理条例》')], {
    statutory: [3, 'day'], promised: [2, 'day'], online: 1, themes: ['安全生产'], who: ORG, visits: 2,
    materials: ['剧毒化学品购买许可申请表', BL, '拟购买的剧毒化学品品种、数量的说明', '购买剧毒化学品用途的说明', '经办人的身份证明'], result: ['剧毒化学品购买许可证', '证照'], kw: ['危化品', '剧毒'],
  }),
  it('sfj', '070201', '亲属关系公证', '20', [cite(NOTARY, '第十一条'), cite(NOTARY, '第三十条')], {
    ...NOTARY_OPTS, materials: ['公证申请表', ID, HUKOU, '能够证明亲属关系的档案或者其他证明材料'], result: ['亲属关系公证书', '公证书'], kw: ['公证', '亲属关系'],
  }),
  it('sfj', '070202', '继承公证', '20', [cite(NOTARY, '第十一条'), cite('《中华人民共和国民法典》', '第一千一百二十三条')], {
    ...NOTARY_OPTS, statutory: [15, 'workday', '需公告的公告期不计入'], promised: [10, 'workday'],
    materials: ['公证申请表', '继承人身份证明', '被继承人死亡证明', '遗产权属证明', '继承人与被继承人的亲属关系证明'], result: ['继承公证书', '公证书'], kw: ['公证', '遗产', '继承'],
  }),
  it('sfj', '070203', '委托书公证', '20', [cite(NOTARY, '第十一条'), cite(NOTARY, '第三十条')], {
    ...NOTARY_OPTS, promised: [1, 'workday'], materials: ['公证申请表', ID, '委托书', '?委托事项相关的财产权利证明'], result: ['委托公证书', '公证书'], kw: ['公证', '委托'],
  }),
  it('sfj', '070204', '学历学位公证', '20', [cite(NOTARY, '第十一条'), cite(NOTARY, '第三十条')], {
    ...NOTARY_OPTS, promised: [3, 'workday'], online: 4, materials: ['公证申请表', ID, '@学历学位证书=学信网学历学位共享数据'], result: ['学历学位公证书', '公证书'], kw: ['公证', '留学', '学历'],
  }),
  it('sfj', '070205', '法律援助', '20', [cite('《中华人民共和国法律援助法》'), cite('《内蒙古自治区法律援助条例》')], {
    statutory: [7, 'day'], promised: [3, 'day'], online: 4, themes: ['司法公证', '社会救助'], who: P, steps: ['申请', '审查', '决定', '指派'],
    materials: ['法律援助申请表', ID, '经济困难状况说明表（个人诚信承诺）', '与所申请法律援助事项有关的证明材料'], result: ['给予法律援助决定书', '文书'], kw: ['法律援助', '免费律师', '讨薪'],
  }),
  it('sfj', '070206', '人民调解', '20', [cite('《中华人民共和国人民调解法》', '第十七条')], {
    statutory: [30, 'day'], promised: [15, 'day'], online: 2, themes: ['司法公证'], who: PE, steps: ['申请', '受理', '调解', '制作调解协议'],
    materials: ['人民调解申请书', ID], result: ['人民调解协议书', '协议'], kw: ['调解', '纠纷'],
  }),
  it('wlj', '070301', '旅行社设立许可', '01', [cite('《旅行社条例》', '第六条'), cite('《旅行社条例实施细则》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, handling: SITU4, themes: ['文化旅游', '市场准入'], power: 2,
    materials: ['旅行社设立申请书', BL, '经营场所证明', '营业设施、设备说明或者证明', '?质量保证金存款证明或担保函'], result: ['旅行社业务经营许可证', '证照', '旅行社业务经营许可证'], kw: ['旅行社', '旅游'],
  }),
  it('wlj', '070302', '营业性演出审批', '01', [cite('《营业性演出管理条例》'), cite('《营业性演出管理条例实施细则》')], {
    statutory: [3, 'workday'], promised: [1, 'workday'], online: 4, themes: ['文化旅游'], who: ORG,
    materials: ['营业性演出申请登记表', '演出节目内容材料', '演出场所合法使用证明', '?参加演出的文艺表演团体、演员同意参加演出的书面函件'], result: ['营业性演出准予许可决定', '文书'], kw: ['演出', '那达慕', '演唱会'],
  }),
  it('wlj', '070303', '娱乐场所经营许可', '01', [cite('《娱乐场所管理条例》', '第九条')], {
    statutory: [20, 'day'], promised: [10, 'day'], online: 3, handling: SITU4, themes: ['文化旅游', '市场准入'], steps: CHECK,
    materials: ['娱乐场所经营许可申请表', BL, '投资人、拟任法定代表人和其他负责人没有本条例第五条规定情形的书面声明', '消防验收合格证明或备案凭证'], result: ['娱乐经营许可证', '证照', '娱乐经营许可证'], kw: ['KTV', '歌厅'],
  }),
  it('wlj', '070304', '互联网上网服务营业场所经营许可', '01', [cite('《互联网上网服务营业场所管理条例》')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 3, handling: SITU4, themes: ['文化旅游', '市场准入'], steps: CHECK,
    materials: ['网吧经营许可申请表', BL, SITE, '网络安全技术措施说明'], result: ['网络文化经营许可证', '证照'], kw: ['网吧', '网咖'],
  }),
  it('wlj', '070305', '出版物零售业务经营许可', '01', [cite('《出版管理条例》'), cite('《出版物市场管理规定》')], {
    statutory: [20, 'workday'], promised: [5, 'workday'], online: 4, handling: SITU4, themes: ['文化旅游', '市场准入'], who: PE,
    materials: ['出版物零售业务经营许可申请表', BL, SITE], result: ['出版物经营许可证', '证照', '出版物经营许可证'], kw: ['书店', '图书'],
  }),
  it('wlj', '070306', '高危险性体育项目经营许可', '01', [cite('《全民健身条例》', '第三十二条'), cite('《经营高危险性体育项目许可管理办法》')], {
    statutory: [30, 'day'], promised: [15, 'day'], online: 3, handling: SITU4, themes: ['文化旅游', '安全生产'], steps: CHECK,
    materials: ['高危险性体育项目经营申请书', BL, '体育设施符合国家标准的说明', '社会体育指导人员、救助人员的职业资格证明', '安全保障制度和措施'], result: ['高危险性体育项目经营许可证', '证照'], kw: ['游泳馆', '滑雪', '攀岩'],
  }),
  it('jyty', '070401', '民办学校设立（实施学前教育和学历教育）', '01', [cite('《中华人民共和国民办教育促进法》', '第十二条'), cite('《中华人民共和国民办教育促进法实施条例》')], {
    statutory: [3, 'month', '筹设审批30日内决定'], promised: [2, 'month'], online: 2, handling: SITU4, themes: ['教育'], who: [1, 2, 4, 9], visits: 2, steps: CHECK,
    materials: ['民办学校设立申请报告', '举办者的姓名、住址或者名称、地址', '资产来源、资金数额及有效证明文件', '学校章程和首届学校理事会、董事会或者其他决策机构组成人员名单', '校舍及教学设施设备情况证明'],
    result: ['民办学校办学许可证', '证照', '民办学校办学许可证'], kw: ['民办幼儿园', '私立学校'],
  }),
  it('jyty', '070402', '教师资格认定', '07', [cite('《中华人民共和国教师法》', '第十三条'), cite('《教师资格条例》')], {
    statutory: [30, 'day', '法定受理期限截止之日起计算'], promised: [20, 'day'], online: 4, themes: ['教育'], who: P,
    materials: ['教师资格认定申请表', ID, '@学历证书=学信网学历共享数据', '@教师资格考试合格证明=中小学教师资格考试共享数据', '体检合格证明'], result: ['教师资格证书', '证照', '教师资格证书'], kw: ['教资', '教师证'],
  }),
  it('jyty', '070403', '义务教育阶段适龄儿童少年入学', '20', [cite('《中华人民共和国义务教育法》', '第十二条')], {
    statutory: [20, 'workday'], promised: [10, 'workday'], online: 4, themes: ['教育'], who: P,
    materials: ['入学登记表（网上填报）', HUKOU, '?房产或者居住证明'], result: ['入学通知', '通知书'], kw: ['上学', '小学入学', '初中'],
  }),
  it('jyty', '070404', '家庭经济困难学生资助', '05', [cite('《中华人民共和国教育法》', '第三十八条'), cite('《学生资助资金管理办法》', undefined, '规范性文件')], {
    statutory: [30, 'workday'], promised: [20, 'workday'], online: 3, themes: ['教育', '社会救助'], who: P, steps: ['申请', '学校认定', '公示', '审核', '发放'],
    materials: ['家庭经济困难学生认定申请表', '?低保、特困等证明（可共享核查）'], result: ['学生资助资金', '资金发放'], kw: ['助学金', '资助', '贫困生'],
  }),
];
